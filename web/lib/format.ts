// Small display helpers: language names, dates and percentages.
import { PROFILES, isLanguage } from '../../core/languages/index.js';

export const languageName = (code: string) => (isLanguage(code) ? PROFILES[code].name : code);

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return iso.slice(0, 10);
}

export function formatWhen(iso: string): string {
  const d = new Date(iso);
  const same = d.toDateString() === new Date().toDateString();
  return same ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : d.toLocaleDateString();
}

/** Language of a document id ("a-res-78-229-zh" → "zh"). */
export const idLanguage = (id: string) => id.match(/-([a-z]{2})(?:\.|$)/)?.[1] ?? '';

/**
 * A share (0..1) as a whole percentage that never rounds up to 100 %: only 1
 * itself (the same text) shows "100%"; 0.996 shows "99%".
 */
export function formatPercent(share: number): string {
  const pct = Math.round(share * 100);
  return `${share < 1 && pct >= 100 ? 99 : pct}%`;
}
