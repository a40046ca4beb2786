// Live precedents for the paragraph being typed: debounced, the previous
// request cancelled when the text changes, paused during an IME composition,
// backing off quietly when the server is busy or still building its index
// (503: the previous results stay, asked again after Retry-After), and timed
// from the keystroke to the results on screen (performance marks).
import { detectLanguage } from '../../core/languages/index.js';
import { useEffect, useRef, useState } from 'react';
import { ApiFailure, languageFilter, postSuggest, type SuggestFilters, type SuggestResult } from '../api.js';

export const SUGGEST_DEBOUNCE_MS = 180;
/** Longest wait before asking a busy server again, whatever it says. */
const MAX_RETRY_S = 30;

export interface Timing {
  /** Keystroke (last input) → results rendered, ms. */
  total: number;
  /** Request sent → answer received, ms. */
  request: number;
  /** The server's own time, ms. */
  server: number;
}

declare global {
  interface Window {
    __precedentTimings?: Timing[];
  }
}

/** Chinese says in 4 characters what takes 12 letters elsewhere. */
const minLength = (text: string) => (detectLanguage(text) === 'zh' ? 4 : 12);

/** `also`: a second language each result brings its translation in ('' for none). */
export function useSuggestions(text: string, language: string, filters: SuggestFilters, paused: boolean, lastInputAt: number, also = '') {
  const [results, setResults] = useState<SuggestResult[]>([]);
  const [status, setStatus] = useState<'idle' | 'waiting' | 'loading' | 'done' | 'error'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [forText, setForText] = useState('');
  const pending = useRef<{ inputAt: number; sentAt: number; receivedAt: number; server: number } | null>(null);
  /** Bumped to ask again after a 503. */
  const [retry, setRetry] = useState(0);
  const filterKey = JSON.stringify(filters);

  useEffect(() => {
    if (paused) return; // mid-composition: wait for compositionend
    const query = text.trim();
    if (query.length < minLength(query)) {
      setResults([]);
      setStatus('idle');
      setForText(query);
      return;
    }
    const ctrl = new AbortController();
    let retryTimer: number | undefined;
    setStatus('waiting');
    const timer = window.setTimeout(async () => {
      const sentAt = performance.now();
      setStatus('loading');
      try {
        const alsoLanguage = languageFilter(also);
        const res = await postSuggest({ text: query, language: languageFilter(language), limit: 8, filters, ...(alsoLanguage ? { also: alsoLanguage } : {}) }, ctrl.signal);
        if (ctrl.signal.aborted) return;
        pending.current = { inputAt: lastInputAt, sentAt, receivedAt: performance.now(), server: res.tookMs };
        setResults(res.results);
        setForText(query);
        setError(null);
        setStatus('done');
      } catch (e) {
        if (ctrl.signal.aborted) return;
        if (e instanceof ApiFailure && e.status === 503) {
          // Busy or still building the index: not the drafter's problem. Keep what is shown and ask again later.
          setStatus('waiting');
          retryTimer = window.setTimeout(() => setRetry((n) => n + 1), Math.min(MAX_RETRY_S, e.retryAfterS ?? 2) * 1000);
          return;
        }
        setError((e as Error).message);
        setStatus('error');
      }
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      window.clearTimeout(retryTimer);
      ctrl.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, language, filterKey, paused, also, retry]);

  // Results are on screen after this commit: close the keystroke→suggestions measure.
  useEffect(() => {
    const p = pending.current;
    if (!p || status !== 'done') return;
    pending.current = null;
    requestAnimationFrame(() => {
      const now = performance.now();
      const timing = { total: now - p.inputAt, request: p.receivedAt - p.sentAt, server: p.server };
      try {
        performance.measure('precedent:keystroke→suggestions', { start: p.inputAt, end: now });
      } catch {
        /* older browsers */
      }
      (window.__precedentTimings ??= []).push(timing);
    });
  }, [results, status]);

  return { results, status, error, forText };
}
