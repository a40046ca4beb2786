// A deliberately small, independent reader of a .docx's XML for the exchange
// tests: it shares no code with server/exchange, so a test that reads a file
// through it checks the file, not the writer's (or the importer's) own view.
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';

type X = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@', trimValues: false, parseTagValue: false });
const tag = (n: X) => Object.keys(n).find((k) => k !== ':@') ?? '';
const children = (n: X) => (n[tag(n)] as X[]) ?? [];
const attr = (n: X, a: string) => ((n[':@'] as Record<string, string>) ?? {})[a];

export interface XmlSegment {
  status: 'equal' | 'insert' | 'delete';
  text: string;
  /** w:rStyle of the run, if any. */
  rStyle?: string;
  footnote?: string;
}
export interface XmlParagraph {
  style: string | null;
  numbered: boolean;
  bidi: boolean;
  mark: 'equal' | 'insert' | 'delete';
  segments: XmlSegment[];
}

export interface XmlDocx {
  paragraphs: XmlParagraph[];
  footnotes: Map<string, string>;
  styles: string;
  documentXml: string;
  revisionElements: number;
}

export async function readXml(buffer: Uint8Array): Promise<XmlDocx> {
  const zip = await JSZip.loadAsync(buffer);
  const documentXml = await zip.file('word/document.xml')!.async('string');
  const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  const paragraphs: XmlParagraph[] = [];
  const walk = (nodes: X[]) => {
    for (const n of nodes) {
      const t = tag(n);
      if (t === 'w:p') paragraphs.push(paragraph(children(n)));
      else if (t && !t.startsWith('#')) walk(children(n));
    }
  };
  walk(parser.parse(documentXml) as X[]);
  const footnotes = new Map<string, string>();
  const fx = await zip.file('word/footnotes.xml')?.async('string');
  if (fx) {
    const visit = (nodes: X[]) => {
      for (const n of nodes) {
        if (tag(n) === 'w:footnote' && !['separator', 'continuationSeparator', 'continuationNotice'].includes(attr(n, '@w:type'))) {
          const id = attr(n, '@w:id');
          const ps: XmlParagraph[] = [];
          for (const c of children(n)) if (tag(c) === 'w:p') ps.push(paragraph(children(c)));
          footnotes.set(id, ps.map((p) => p.segments.filter((s) => s.status !== 'delete').map((s) => s.text).join('')).join('\n').trim());
        } else if (tag(n) && !tag(n).startsWith('#')) visit(children(n));
      }
    };
    visit(parser.parse(fx) as X[]);
  }
  const revisionElements = (documentXml.match(/<w:(ins|del) /g) ?? []).length;
  return { paragraphs, footnotes, styles, documentXml, revisionElements };
}

function paragraph(nodes: X[]): XmlParagraph {
  const p: XmlParagraph = { style: null, numbered: false, bidi: false, mark: 'equal', segments: [] };
  const runs = (list: X[], status: XmlSegment['status']) => {
    for (const n of list) {
      const t = tag(n);
      if (t === 'w:pPr') {
        for (const c of children(n)) {
          if (tag(c) === 'w:pStyle') p.style = attr(c, '@w:val');
          if (tag(c) === 'w:numPr') p.numbered = true;
          if (tag(c) === 'w:bidi') p.bidi = attr(c, '@w:val') !== 'false' && attr(c, '@w:val') !== '0';
          if (tag(c) === 'w:rPr') for (const r of children(c)) if (tag(r) === 'w:ins') p.mark = 'insert'; else if (tag(r) === 'w:del') p.mark = 'delete';
        }
      } else if (t === 'w:ins' || t === 'w:del') runs(children(n), t === 'w:ins' ? 'insert' : 'delete');
      else if (t === 'w:r') {
        let rStyle: string | undefined;
        for (const c of children(n)) {
          const ct = tag(c);
          if (ct === 'w:rPr') for (const r of children(c)) if (tag(r) === 'w:rStyle') rStyle = attr(r, '@w:val');
          if (ct === 'w:t' || ct === 'w:delText') p.segments.push({ status, text: children(c).map((x) => String(x['#text'] ?? '')).join(''), rStyle });
          if (ct === 'w:tab') p.segments.push({ status, text: '\t', rStyle });
          if (ct === 'w:footnoteReference') p.segments.push({ status, text: '', footnote: attr(c, '@w:id') });
        }
      }
    }
  };
  runs(nodes, 'equal');
  return p;
}

/**
 * Word's "Accept all" / "Reject all" on the paragraphs: removed text dropped,
 * and a paragraph whose mark is removed runs on into the next one.
 */
export function resolve(paragraphs: XmlParagraph[], view: 'accept' | 'reject'): Array<{ style: string | null; text: string; footnotes: string[] }> {
  const drop = view === 'accept' ? 'delete' : 'insert';
  const out: Array<{ style: string | null; text: string; footnotes: string[] }> = [];
  let carry = { text: '', footnotes: [] as string[] };
  for (const p of paragraphs) {
    const kept = p.segments.filter((s) => s.status !== drop);
    const text = carry.text + kept.map((s) => s.text).join('');
    const footnotes = [...carry.footnotes, ...kept.filter((s) => s.footnote).map((s) => s.footnote!)];
    if (p.mark === drop) {
      carry = { text, footnotes };
      continue;
    }
    carry = { text: '', footnotes: [] };
    out.push({ style: p.style, text, footnotes });
  }
  return out;
}

/**
 * Body paragraphs of a Precedent export back as logical paragraphs: the
 * operative/preambular line plus its sub-item lines, "marker<tab>" read as
 * "marker ". Header lines and the closing rule are left out.
 */
export function logicalParagraphs(resolved: Array<{ style: string | null; text: string; footnotes: string[] }>, bodyStyles: string[], itemStyle: string) {
  const out: Array<{ style: string; text: string; footnotes: string[] }> = [];
  for (const p of resolved) {
    if (p.style === itemStyle && out.length) {
      const last = out[out.length - 1];
      last.text += '\n' + p.text.replace(/^([^\t]{1,8})\t/, '$1 ');
      last.footnotes.push(...p.footnotes);
    } else if (p.style && bodyStyles.includes(p.style)) out.push({ style: p.style, text: p.text, footnotes: [...p.footnotes] });
  }
  return out;
}
