// Shared by the Akoma Ntoso round-trip tests and eval: what (if anything)
// differs between a paragraph and the one the AKN importer read back from its export.
import type { ParsedParagraph } from '../../core/model.js';

/** "" when the paragraph came back the same; else which field differs, and how. */
export function paragraphDifference(p: ParsedParagraph, q: ParsedParagraph | undefined): string {
  if (!q) return 'missing';
  const fields: [string, unknown, unknown][] = [
    ['section', p.section, q.section],
    ['label', p.label, q.label],
    ['lead', p.lead, q.lead],
    ['text', p.text, q.text],
    // An item's text as the importer keeps it may start with the space after its marker.
    ['items', p.items.map((i) => `${i.marker} ${i.text.trim()}`), q.items.map((i) => `${i.marker} ${i.text.trim()}`)],
    ['footnotes', p.footnotes.map(({ marker, text, offset }) => ({ marker, text, offset })), q.footnotes.map(({ marker, text, offset }) => ({ marker, text, offset }))],
  ];
  for (const [name, a, b] of fields) if (JSON.stringify(a) !== JSON.stringify(b)) return `${name}: ${JSON.stringify(a).slice(0, 140)} ≠ ${JSON.stringify(b).slice(0, 140)}`;
  return '';
}
