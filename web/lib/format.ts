// Small display helpers, in the interface language through Intl: language
// names, dates, times, numbers and percentages.
import { isLanguage } from '../../core/languages/index.js';
import type { Language } from '../../core/model.js';
import { intlLocale } from '../i18n/locale.js';

const displayNames = new Map<string, Intl.DisplayNames>();

/** A language's name in the interface language ("Chinese", "chinois", "中文"); other codes as given. */
export function languageName(code: string): string {
  if (!isLanguage(code)) return code;
  const locale = intlLocale();
  let names = displayNames.get(locale);
  if (!names) displayNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'language' })));
  return names.of(code) ?? code;
}

/** A language's name in itself ("العربية", "中文", "Français"): how the interface switch lists them. */
export function endonym(code: Language): string {
  const name = new Intl.DisplayNames([intlLocale(code)], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

/** A calendar date ("2024-12-18") as the interface language writes it; "—" when unknown. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  // A calendar date, not an instant: formatted in UTC so no time zone moves it a day.
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** A moment: its time when it is today, else its date. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  const same = d.toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat(intlLocale(), same ? { hour: '2-digit', minute: '2-digit' } : { dateStyle: 'medium' }).format(d);
}

/** A time of day ("14:05", "2:05 PM"). */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { timeStyle: 'medium' }).format(new Date(iso));
}

/** A number with the interface language's grouping ("10,000", "10 000"). */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(), options).format(n);
}

/** Language of a document id ("a-res-78-229-zh" → "zh"). */
export const idLanguage = (id: string) => id.match(/-([a-z]{2})(?:\.|$)/)?.[1] ?? '';

/**
 * A share (0..1) as a whole percentage that never rounds up to 100 %: only 1
 * itself (the same text) shows "100%"; 0.996 shows "99%".
 */
export function formatPercent(share: number): string {
  const pct = Math.round(share * 100);
  return formatNumber((share < 1 && pct >= 100 ? 99 : pct) / 100, { style: 'percent', maximumFractionDigits: 0 });
}
