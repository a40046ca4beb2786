// Small display helpers: language names, dates, citations.
export const LANGUAGE_NAMES: Record<string, string> = {
  ar: 'Arabic', zh: 'Chinese', en: 'English', fr: 'French', ru: 'Russian', es: 'Spanish',
};

export const languageName = (code: string) => LANGUAGE_NAMES[code] ?? code;

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return iso.slice(0, 10);
}

export function formatWhen(iso: string): string {
  const d = new Date(iso);
  const same = d.toDateString() === new Date().toDateString();
  return same ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : d.toLocaleDateString();
}

/** "A/RES/78/229, OP 8" */
export function citation(doc: { symbol: string | null; title: string }, label: string): string {
  return `${doc.symbol ?? doc.title}, ${label}`;
}

/** Language of a document id ("a-res-78-229-zh" → "zh"). */
export const idLanguage = (id: string) => id.match(/-([a-z]{2})(?:\.|$)/)?.[1] ?? '';
