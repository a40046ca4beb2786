// Turns import outcomes into the summary a person reads at the end of an import.
import type { FileOutcome } from './import-files.js';

export interface ImportSummary {
  files: number;
  failed: { file: string; reason: string }[];
  documents: { added: number; replaced: number; unchanged: number };
  paragraphs: number;
  byLanguage: Record<string, { documents: number; paragraphs: number }>;
  byKind: Record<string, number>;
  warnings: string[];
  seconds: number;
}

export function summarise(outcomes: FileOutcome[], seconds: number): ImportSummary {
  const s: ImportSummary = {
    files: outcomes.length,
    failed: [],
    documents: { added: 0, replaced: 0, unchanged: 0 },
    paragraphs: 0,
    byLanguage: {},
    byKind: {},
    warnings: [],
    seconds,
  };
  for (const o of outcomes) {
    if (o.error) s.failed.push({ file: o.file, reason: o.error });
    for (const w of o.warnings) s.warnings.push(w);
    for (const d of o.documents) {
      s.documents[d.status]++;
      const paragraphs = d.doc.paragraphs.filter((p) => p.section !== 'heading').length;
      s.paragraphs += paragraphs;
      const lang = (s.byLanguage[d.doc.language] ??= { documents: 0, paragraphs: 0 });
      lang.documents++;
      lang.paragraphs += paragraphs;
      s.byKind[d.doc.kind] = (s.byKind[d.doc.kind] ?? 0) + 1;
    }
  }
  return s;
}

export function formatSummary(s: ImportSummary): string {
  const lines = [
    `Imported ${s.files} file(s) in ${s.seconds.toFixed(1)} s: ` +
      `${s.documents.added} added, ${s.documents.replaced} replaced, ${s.documents.unchanged} unchanged; ${s.paragraphs} paragraphs.`,
    `By language: ${Object.entries(s.byLanguage)
      .map(([l, v]) => `${l} ${v.documents} docs / ${v.paragraphs} paras`)
      .join(', ') || 'none'}`,
    `By kind: ${Object.entries(s.byKind).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
  ];
  if (s.warnings.length) lines.push(`${s.warnings.length} warning(s):`, ...s.warnings.map((w) => `  ! ${w}`));
  if (s.failed.length) lines.push(`${s.failed.length} file(s) could not be imported:`, ...s.failed.map((f) => `  ✗ ${f.file}: ${f.reason}`));
  return lines.join('\n');
}
