// Live precedents for the paragraph being typed. At most one request is out
// per panel, and it always asks about the newest text: a keystroke while none
// is out asks almost at once (SUGGEST_SETTLE_MS gathers keys that arrive
// together, as from a paste or an input method); a keystroke while one is out
// waits for its answer (shown: it is about the text of a moment ago) and then
// asks about the newest text. So there is no fixed debounce to wait through,
// and the slower the server answers the less often a drafter asks. A change of
// language or filters cancels the request out (its answer is to another
// question); so does leaving. Paused during an IME composition; backs off
// quietly when the server is busy or still building its index (503: what is
// shown stays, asked again after Retry-After); timed from the keystroke to the
// results on screen (performance marks).
import { detectLanguage } from '../../core/languages/index.js';
import { useEffect, useRef, useState } from 'react';
import { ApiFailure, languageFilter, postSuggest, type SuggestFilters, type SuggestResult } from '../api.js';

/** Wait after a keystroke before asking, when no request is out. */
export const SUGGEST_SETTLE_MS = 25;
/** Longest wait before asking a busy server again, whatever it says. */
const MAX_RETRY_S = 30;

export interface Timing {
  /** Keystroke (last input) → results rendered, ms. */
  total: number;
  /** Request sent → answer received, ms. */
  request: number;
  /** The server's own time, ms. */
  server: number;
  /** Keystroke → the hook saw the new text (the editor's own render of the keystroke), ms. */
  scheduled: number;
  /** Answer received → results painted, ms. */
  painted: number;
}

declare global {
  interface Window {
    __precedentTimings?: Timing[];
  }
}

/** Chinese says in 4 characters what takes 12 letters elsewhere. */
const minLength = (text: string) => (detectLanguage(text) === 'zh' ? 4 : 12);

/** One question to the server: the text, and what it is asked against. */
interface Question {
  query: string;
  language: string;
  filters: SuggestFilters;
  also: string;
  /** language + filters + also: a change of these makes another question, not a newer text. */
  scope: string;
  inputAt: number;
  seenAt: number;
}

/** `also`: a second language each result brings its translation in ('' for none). */
export function useSuggestions(text: string, language: string, filters: SuggestFilters, paused: boolean, lastInputAt: number, also = '') {
  const [results, setResults] = useState<SuggestResult[]>([]);
  const [status, setStatus] = useState<'idle' | 'waiting' | 'loading' | 'done' | 'error'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [forText, setForText] = useState('');
  /** The newest question; null when there is nothing to ask. */
  const wanted = useRef<Question | null>(null);
  /** The request out, if any. */
  const out = useRef<{ question: Question; ctrl: AbortController } | null>(null);
  /** Set while waiting to ask (settling, or backing off after a 503). */
  const timer = useRef<number | undefined>(undefined);
  const painting = useRef<{ question: Question; sentAt: number; receivedAt: number; server: number } | null>(null);
  const scope = JSON.stringify([language, filters, also]);

  // Reads only refs and setters: safe to call from timers and answers of earlier renders.
  const ask = useRef(() => {});
  ask.current = () => {
    const question = wanted.current;
    if (!question || out.current) return;
    const ctrl = new AbortController();
    out.current = { question, ctrl };
    const sentAt = performance.now();
    setStatus('loading');
    const alsoLanguage = languageFilter(question.also);
    postSuggest({ text: question.query, language: languageFilter(question.language), limit: 8, filters: question.filters, ...(alsoLanguage ? { also: alsoLanguage } : {}) }, ctrl.signal).then(
      (res) => {
        if (out.current?.ctrl !== ctrl) return;
        out.current = null;
        painting.current = { question, sentAt, receivedAt: performance.now(), server: res.tookMs };
        setResults(res.results);
        setForText(question.query);
        setError(null);
        if (wanted.current === question) setStatus('done');
        else ask.current(); // the drafter typed on meanwhile
      },
      (e: unknown) => {
        if (out.current?.ctrl !== ctrl) return;
        out.current = null;
        if (e instanceof ApiFailure && e.status === 503) {
          // Busy or still building the index: not the drafter's problem. Keep what is shown and ask again later.
          setStatus('waiting');
          timer.current = window.setTimeout(() => {
            timer.current = undefined;
            ask.current();
          }, Math.min(MAX_RETRY_S, e.retryAfterS ?? 2) * 1000);
          return;
        }
        setError((e as Error).message);
        setStatus('error');
        if (wanted.current !== question) ask.current();
      },
    );
  };

  useEffect(() => {
    if (paused) return; // mid-composition: wait for compositionend
    const query = text.trim();
    if (query.length < minLength(query)) {
      wanted.current = null;
      out.current?.ctrl.abort();
      out.current = null;
      window.clearTimeout(timer.current);
      timer.current = undefined;
      setResults([]);
      setStatus('idle');
      setForText(query);
      return;
    }
    const previous = wanted.current;
    if (previous && previous.query === query && previous.scope === scope) return;
    wanted.current = { query, language, filters, also, scope, inputAt: lastInputAt, seenAt: performance.now() };
    if (out.current && out.current.question.scope !== scope) {
      out.current.ctrl.abort();
      out.current = null;
    }
    if (out.current || timer.current !== undefined) return; // asked once the answer is in, or the wait is over
    setStatus('waiting');
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      ask.current();
    }, SUGGEST_SETTLE_MS);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, scope, paused]);

  // Leaving the editor: nothing more to ask.
  useEffect(
    () => () => {
      wanted.current = null;
      out.current?.ctrl.abort();
      out.current = null;
      window.clearTimeout(timer.current);
    },
    [],
  );

  // Results are on screen after this commit: close the keystroke→suggestions measure.
  useEffect(() => {
    const p = painting.current;
    if (!p) return;
    painting.current = null;
    requestAnimationFrame(() => {
      const now = performance.now();
      const { inputAt, seenAt } = p.question;
      const timing: Timing = { total: now - inputAt, request: p.receivedAt - p.sentAt, server: p.server, scheduled: seenAt - inputAt, painted: now - p.receivedAt };
      try {
        performance.measure('precedent:keystroke→suggestions', { start: inputAt, end: now });
      } catch {
        /* older browsers */
      }
      (window.__precedentTimings ??= []).push(timing);
    });
  }, [results]);

  return { results, status, error, forText };
}
