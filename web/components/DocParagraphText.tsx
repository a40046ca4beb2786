// A paragraph's text (a corpus paragraph, or a draft paragraph not being
// edited) with its lead phrase emphasised and each footnote marker set back
// at its offset as a superscript (its text on hover), each exactly once.
import type { Footnote } from '../../core/model.js';
import { profileOf } from '../../core/languages/index.js';
import { leadOf } from '../../core/lead.js';

export interface FootnotedText {
  text: string;
  lead?: string | null;
  footnotes?: readonly Footnote[];
}

export function DocParagraphText({ p, language }: { p: FootnotedText; language: string }) {
  const lead = leadOf(p.text, language, p.lead);
  const notes = p.footnotes ?? [];
  const at = (f: Footnote) => Math.min(f.offset, p.text.length);
  // Every place the text is cut: the lead's end, each footnote, the end (once each).
  const cuts = [...new Set([lead.length, ...notes.map(at), p.text.length])].filter((n) => n > 0).sort((a, b) => a - b);
  const out: React.ReactNode[] = notes.filter((f) => at(f) === 0).map((f, i) => <Marker key={`f0-${i}`} f={f} />);
  let from = 0;
  for (const cut of cuts) {
    const piece = p.text.slice(from, cut);
    out.push(from < lead.length ? <span key={`t${from}`} className={`lead lead-${profileOf(language).leadEmphasis}`}>{piece}</span> : piece);
    from = cut;
    notes.filter((f) => at(f) === cut).forEach((f, i) => out.push(<Marker key={`f${cut}-${i}`} f={f} />));
  }
  return <>{out}</>;
}

function Marker({ f }: { f: Footnote }) {
  return (
    <sup className="fn" title={f.text}>
      {f.marker}
    </sup>
  );
}
