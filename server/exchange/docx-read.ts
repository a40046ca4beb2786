// Reads a .docx through its XML (jszip + fast-xml-parser, order preserved):
// paragraphs with their style, numbering and runs, tracked insertions and
// deletions (w:ins, w:del, w:delText, w:moveFrom/w:moveTo, paragraph marks),
// footnote references and footnote texts. `viewOf` then resolves the tracked
// changes as Word's "Accept all" or "Reject all" would, including paragraphs
// that merge when their mark is removed. Used by the .docx import; the XML tree
// helpers are shared with the AKN importer (ingest/xml-tree.ts).
import JSZip from 'jszip';
import { attr, child, children, firstTagged, kids, orderedXmlParser, tagOf, type XNode } from '../ingest/xml-tree.js';

export type RevStatus = 'equal' | 'insert' | 'delete';

export type DocxRun =
  | { kind: 'text'; text: string; status: RevStatus; style: string | null; bold: boolean; italic: boolean }
  | { kind: 'footnote'; id: string; status: RevStatus };

export interface DocxParagraph {
  style: string | null;
  /** w:numPr of the paragraph (not of its style): level and list id. */
  numbering: { numId: string; level: number } | null;
  /** Tracked status of the paragraph mark. */
  mark: RevStatus;
  runs: DocxRun[];
}

export interface DocxContent {
  paragraphs: DocxParagraph[];
  /** Footnote id → its paragraphs' runs (separator notes left out). */
  footnotes: Map<string, DocxParagraph[]>;
  /** docProps/custom.xml name → value. */
  properties: Record<string, string>;
  /** Revision marks seen (w:ins, w:del, w:moveFrom, w:moveTo, in the body and the notes). */
  revisions: number;
  /** numId → level → { format, text } from numbering.xml, to print list markers. */
  numbering: Map<string, Map<number, { format: string; text: string }>>;
}

export class DocxReadError extends Error {}

const parser = orderedXmlParser({ removeNSPrefix: false });

/**
 * What the XML parts read may unpack to, together, counted as they inflate
 * (an archive's declared sizes are the sender's word). A 157-paragraph
 * resolution exported here has 0.25 MB of document.xml, and the largest draft
 * the limits allow (500 paragraphs of 20,000 characters) about 30 MB: a 10 MB
 * upload that unpacks past this is a zip bomb.
 */
export const MAX_INFLATED_BYTES = 48 * 1024 * 1024;

/**
 * The most elements the parts read may hold together. Parsing costs time per
 * element, and blocks the server meanwhile (measured: 4 million elements, 16 MB
 * of <w:p><w:r><w:t>x</w:t></w:r></w:p>, take 26 s and 760 MB); a draft of 500
 * paragraphs marked up as heavily as Word does (run splits, tracked changes, some
500 elements a paragraph by our estimate) stays below 250,000.
 */
export const MAX_XML_ELEMENTS = 1_000_000;

function textOf(nodes: XNode[]): string {
  let s = '';
  for (const n of nodes) if ('#text' in n) s += String(n['#text']);
  return s;
}

/** What the parts of one file may still unpack to and hold. */
interface Budget {
  left: number;
  elements: number;
}

/** Start tags in `xml` ("<w:p>", not "</w:p>", "<?xml" or "<!--"): what the parser will build a node for. */
function countElements(xml: string): number {
  let n = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    const next = xml.charCodeAt(i + 1);
    if (next !== 0x2f /* / */ && next !== 0x3f /* ? */ && next !== 0x21 /* ! */) n++;
  }
  return n;
}

/** jszip's words for a broken entry, as a user reads them. */
function unpackProblem(message: string): string {
  if (/size mismatch/i.test(message)) return 'it does not unpack to the size the archive declares';
  if (/crc32/i.test(message)) return 'its checksum does not match its content';
  return message;
}

/** A part's bytes, inflated chunk by chunk; stops inflating and refuses the file once past the budget. */
function inflate(file: JSZip.JSZipObject, budget: Budget): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const stream = file.nodeStream('nodebuffer');
    let done = false;
    const fail = (e: Error) => {
      if (done) return;
      done = true;
      stream.pause();
      stream.removeAllListeners('data');
      reject(e);
    };
    stream.on('data', (chunk: Buffer) => {
      budget.left -= chunk.length;
      if (budget.left < 0) fail(new DocxReadError(`${file.name} unpacks to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB`));
      else chunks.push(chunk);
    });
    // jszip reports a corrupt deflate stream, a wrong checksum and a size other than the declared one here.
    stream.on('error', (e: Error) => fail(new DocxReadError(`${file.name} cannot be unpacked: ${unpackProblem(e.message)}`)));
    stream.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
  });
}

async function part(zip: JSZip, name: string, budget: Budget): Promise<XNode[] | null> {
  const file = zip.file(name);
  if (!file) return null;
  const xml = new TextDecoder('utf-8').decode(await inflate(file, budget));
  // Office never writes a DOCTYPE; one anywhere in the part (a comment can push
  // it far from the start) can only be there to declare entities to expand.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new DocxReadError(`${name} declares a DOCTYPE or entities, which Word never writes`);
  budget.elements -= countElements(xml);
  if (budget.elements < 0) throw new DocxReadError(`${name} holds more than ${MAX_XML_ELEMENTS.toLocaleString('en')} XML elements`);
  try {
    return parser.parse(xml) as XNode[];
  } catch (e) {
    throw new DocxReadError(`${name} is not well-formed XML: ${(e as Error).message}`);
  }
}

/** The file's content; any problem with the file itself is a DocxReadError saying what it is. */
export async function readDocx(data: Uint8Array | ArrayBuffer | Buffer): Promise<DocxContent> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (e) {
    throw new DocxReadError(`not a zip archive (${(e as Error).message})`);
  }
  try {
    return await readParts(zip);
  } catch (e) {
    if (e instanceof DocxReadError) throw e;
    // A part that parsed but is not shaped as WordprocessingML can trip the walk below: still the file's fault.
    throw new DocxReadError(`its XML is not laid out as a Word document (${(e as Error).message})`);
  }
}

async function readParts(zip: JSZip): Promise<DocxContent> {
  const budget: Budget = { left: MAX_INFLATED_BYTES, elements: MAX_XML_ELEMENTS };
  const docXml = await part(zip, 'word/document.xml', budget);
  if (!docXml) throw new DocxReadError('no word/document.xml in the archive');
  const bodyEl = child(firstTagged(docXml, 'w:document'), 'w:body');
  if (!bodyEl) throw new DocxReadError('word/document.xml has no w:body');

  const counter = { revisions: 0 };
  const paragraphs = collectParagraphs(kids(bodyEl), counter);

  const footnotes = new Map<string, DocxParagraph[]>();
  const fnXml = await part(zip, 'word/footnotes.xml', budget);
  const fnRoot = fnXml && firstTagged(fnXml, 'w:footnotes');
  if (fnRoot) {
    for (const fn of kids(fnRoot)) {
      if (tagOf(fn) !== 'w:footnote') continue;
      const type = attr(fn, 'w:type');
      if (type && type !== 'normal') continue;
      footnotes.set(attr(fn, 'w:id') ?? '', collectParagraphs(kids(fn), counter));
    }
  }

  const properties: Record<string, string> = {};
  const custom = await part(zip, 'docProps/custom.xml', budget);
  const propsRoot = custom && firstTagged(custom, 'Properties');
  if (propsRoot) {
    for (const p of kids(propsRoot)) {
      const name = attr(p, 'name');
      const value = kids(p).find((v) => tagOf(v) !== '');
      if (name && value) properties[name] = textOf(kids(value));
    }
  }

  const numbering = new Map<string, Map<number, { format: string; text: string }>>();
  const numXml = await part(zip, 'word/numbering.xml', budget);
  const numRoot = numXml && firstTagged(numXml, 'w:numbering');
  if (numRoot) {
    const abstract = new Map<string, Map<number, { format: string; text: string }>>();
    for (const n of kids(numRoot)) {
      const tag = tagOf(n);
      if (tag === 'w:abstractNum') {
        const levels = new Map<number, { format: string; text: string }>();
        for (const lvl of children(n, 'w:lvl')) {
          levels.set(Number(attr(lvl, 'w:ilvl')), {
            format: attr(child(lvl, 'w:numFmt'), 'w:val') ?? 'decimal',
            text: attr(child(lvl, 'w:lvlText'), 'w:val') ?? '',
          });
        }
        abstract.set(attr(n, 'w:abstractNumId') ?? '', levels);
      } else if (tag === 'w:num') {
        const ref = attr(child(n, 'w:abstractNumId'), 'w:val');
        const levels = ref !== undefined ? abstract.get(ref) : undefined;
        const numId = attr(n, 'w:numId');
        if (levels && numId !== undefined) numbering.set(numId, levels);
      }
    }
  }

  return { paragraphs, footnotes, properties, revisions: counter.revisions, numbering };
}

/** Paragraphs in reading order, descending into tables and content controls. */
function collectParagraphs(nodes: XNode[], counter: { revisions: number }): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  const walk = (list: XNode[]) => {
    for (const n of list) {
      const tag = tagOf(n);
      if (!tag) continue;
      if (tag === 'w:p') out.push(readParagraph(kids(n), counter));
      else if (tag === 'w:tbl' || tag === 'w:tr' || tag === 'w:tc' || tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') walk(kids(n));
    }
  };
  walk(nodes);
  return out;
}

const REV: Record<string, RevStatus> = { 'w:ins': 'insert', 'w:moveTo': 'insert', 'w:del': 'delete', 'w:moveFrom': 'delete' };

function readParagraph(nodes: XNode[], counter: { revisions: number }): DocxParagraph {
  const p: DocxParagraph = { style: null, numbering: null, mark: 'equal', runs: [] };
  const pPr = firstTagged(nodes, 'w:pPr');
  if (pPr) {
    const style = child(pPr, 'w:pStyle');
    if (style) p.style = attr(style, 'w:val') ?? null;
    const numPr = child(pPr, 'w:numPr');
    if (numPr) {
      const numId = attr(child(numPr, 'w:numId'), 'w:val');
      const ilvl = attr(child(numPr, 'w:ilvl'), 'w:val');
      if (numId && numId !== '0') p.numbering = { numId, level: Number(ilvl ?? 0) };
    }
    const rPr = child(pPr, 'w:rPr');
    if (rPr) {
      for (const r of kids(rPr)) {
        const s = REV[tagOf(r)];
        if (s) {
          p.mark = s;
          counter.revisions++;
        }
      }
    }
  }
  const walk = (list: XNode[], status: RevStatus) => {
    for (const n of list) {
      const tag = tagOf(n);
      if (!tag || tag === 'w:pPr') continue;
      if (REV[tag]) {
        counter.revisions++;
        walk(kids(n), REV[tag]);
      } else if (tag === 'w:r') readRun(kids(n), status, p.runs);
      else if (tag === 'w:hyperlink' || tag === 'w:smartTag' || tag === 'w:fldSimple' || tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') {
        walk(kids(n), status);
      }
    }
  };
  walk(nodes, 'equal');
  return p;
}

function readRun(nodes: XNode[], status: RevStatus, out: DocxRun[]) {
  let style: string | null = null;
  let bold = false;
  let italic = false;
  const on = (n: XNode) => !['0', 'false', 'off'].includes(attr(n, 'w:val') ?? 'true');
  const rPr = firstTagged(nodes, 'w:rPr');
  if (rPr) {
    for (const r of kids(rPr)) {
      const tag = tagOf(r);
      if (tag === 'w:rStyle') style = attr(r, 'w:val') ?? null;
      else if (tag === 'w:b' || tag === 'w:bCs') bold = bold || on(r);
      else if (tag === 'w:i' || tag === 'w:iCs') italic = italic || on(r);
    }
  }
  const push = (text: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === 'text' && last.status === status && last.style === style && last.bold === bold && last.italic === italic) last.text += text;
    else out.push({ kind: 'text', text, status, style, bold, italic });
  };
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'w:t' || tag === 'w:delText') push(textOf(kids(n)));
    else if (tag === 'w:tab') push('\t');
    else if (tag === 'w:br' || tag === 'w:cr') push('\n');
    else if (tag === 'w:noBreakHyphen') push('\u2011');
    else if (tag === 'w:footnoteReference') out.push({ kind: 'footnote', id: attr(n, 'w:id') ?? '', status });
  }
}

/** A paragraph as it reads with all changes accepted or all rejected. */
export interface ViewParagraph {
  style: string | null;
  numbering: DocxParagraph['numbering'];
  runs: Array<{ kind: 'text'; text: string; style: string | null; bold: boolean; italic: boolean } | { kind: 'footnote'; id: string }>;
}

/**
 * Resolves the tracked changes. A paragraph whose mark is removed runs on into
 * the next one, which keeps its own properties (they live in its mark).
 */
export function viewOf(paragraphs: DocxParagraph[], view: 'accept' | 'reject'): ViewParagraph[] {
  const gone: RevStatus = view === 'accept' ? 'delete' : 'insert';
  const out: ViewParagraph[] = [];
  let carry: ViewParagraph['runs'] = [];
  for (const p of paragraphs) {
    const runs = [...carry];
    for (const r of p.runs) {
      if (r.status === gone) continue;
      if (r.kind === 'footnote') runs.push({ kind: 'footnote', id: r.id });
      else runs.push({ kind: 'text', text: r.text, style: r.style, bold: r.bold, italic: r.italic });
    }
    if (p.mark === gone) {
      carry = runs;
      continue;
    }
    carry = [];
    out.push({ style: p.style, numbering: p.numbering, runs });
  }
  if (carry.length) out.push({ style: null, numbering: null, runs: carry });
  return out;
}
