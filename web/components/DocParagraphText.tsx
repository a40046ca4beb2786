// A corpus paragraph's text with its lead phrase emphasised and each footnote
// marker set back at its offset as a superscript (its text on hover).
import type { DocParagraphT } from '../api.js';
import { profileOf } from '../../core/languages/index.js';
import { leadOf } from '../../core/lead.js';

export function DocParagraphText({ p, language }: { p: DocParagraphT; language: string }) {
  const lead = leadOf(p.text, language, p.lead);
  const cuts = [...new Set([lead.length, ...p.footnotes.map((f) => Math.min(f.offset, p.text.length))])].filter((n) => n > 0).sort((a, b) => a - b);
  const out: React.ReactNode[] = [];
  let at = 0;
  for (const cut of [...cuts, p.text.length]) {
    if (cut > at) {
      const piece = p.text.slice(at, cut);
      out.push(at < lead.length ? <span key={`t${at}`} className={`lead lead-${profileOf(language).leadEmphasis}`}>{piece}</span> : piece);
      at = cut;
    }
    for (const f of p.footnotes.filter((f) => Math.min(f.offset, p.text.length) === cut)) {
      out.push(
        <sup key={`f${f.marker}-${cut}`} className="fn" title={f.text}>
          {f.marker}
        </sup>,
      );
    }
  }
  return <>{out}</>;
}
