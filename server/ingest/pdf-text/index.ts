// Imports text extracted from a UN PDF (resolution or report) into a ParsedDocument:
// finds the header facts, the paragraphs and their footnotes in the line soup that
// extraction leaves behind. Pure: text in, document out. Resolutions are read by
// resolution.ts, reports by report.ts, both over tokens.ts; the header reading
// (../header-facts.ts) and paragraph assembly (../paragraph-builder.ts) are shared
// with the Markdown importer.
import type { DocumentKind, ParsedParagraph } from '../../../core/model.js';
import { detectLanguage } from '../../../core/languages/index.js';
import { assembleDocument, bodyOpener, readHeader, type HeaderFacts } from '../header-facts.js';
import { ImportError, type ImportResult, type SourceMetadata } from '../source.js';
import { parseReport } from './report.js';
import { parseResolution } from './resolution.js';
import { tokenize } from './tokens.js';


/**
 * Imports the text extracted from one PDF: a resolution (header, "大会，", PPs,
 * OPs, closing) or a report (numbered paragraphs, headings, notes, annex). What the
 * text does not say is taken from meta; what neither says is left null and warned.
 */
export function importPdfText(text: string, source: string, meta: SourceMetadata = {}): ImportResult {
  if (!text.trim()) throw new ImportError(source, 'the text is empty');
  const warnings: string[] = [];
  const tokens = tokenize(text);
  const openerAt = tokens.findIndex((t) => t.kind === 'text' && bodyOpener(t.text) !== null);
  const language = meta.language ?? detectLanguage(text);
  const detected: DocumentKind = openerAt >= 0 ? 'resolution' : 'report';
  const kind = meta.kind ?? detected;

  let paragraphs: ParsedParagraph[];
  let facts: HeaderFacts;
  if (openerAt >= 0 && kind !== 'report') {
    const headerLines = tokens.slice(0, openerAt).flatMap((t) => (t.kind === 'text' ? [t.raw] : []));
    facts = readHeader(headerLines);
    const opener = bodyOpener((tokens[openerAt] as { text: string }).text)!;
    facts.body ??= opener.body;
    const parsed = parseResolution(tokens, openerAt, language, warnings);
    paragraphs = parsed.paragraphs;
    facts.date ??= parsed.closing;
    if (!paragraphs.some((p) => p.section === 'operative')) warnings.push('no operative paragraphs found');
  } else {
    if (kind !== 'report') warnings.push(`kind is ${kind} but the text has no "大会，"/"The General Assembly," opener; read as a report`);
    const parsed = parseReport(tokens, language, meta.title, warnings);
    paragraphs = parsed.paragraphs;
    facts = { symbol: null, titleNumber: null, title: null, session: null, date: null, body: null, agendaItem: null, ...parsed.facts };
  }
  if (!paragraphs.length) throw new ImportError(source, 'no paragraphs found');
  const doc = assembleDocument(facts, meta, { source, kind, language, paragraphs, warnings });
  return { documents: [doc], warnings };
}
