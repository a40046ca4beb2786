// Imports one General Assembly resolution file in Akoma Ntoso (AKN4UN profile) into
// ParsedDocuments. Pure: XML text in, documents out; the caller reads files.
// This module finds the parts and assembles each document; metadata.ts reads what
// the file states about it, body.ts its paragraphs (blocks.ts lines, inline.ts text).
//
// Decisions (why, where the profile leaves room):
// - A file may hold one <statement> or a <documentCollection> whose <components>
//   hold parts A, B, C… (symbol "A/RES/80/84 A"); every part becomes a document.
// - Preamble: each <container> is one PP (number null, label "PP n"); a bare
//   <blockList> right under <preamble> continues the PP before it.
// - Operative part: <paragraph> with a "1." num is OP 1. A top-level paragraph
//   numbered "(a)", "(i)" is a sub-item of the paragraph before it, as in print
//   (80/84 A: an unnumbered "Urges … :" followed by sibling (a)…(k)). An
//   unnumbered operative paragraph gets number null and label "OP" ("text 1",
//   "text 2" … when there are several).
// - Headings (section num/heading, crossHeading, subheading, subheading-only
//   paragraphs) become section 'heading' paragraphs labelled with their text, so
//   the structure survives while search can skip them.
// - A table is its own paragraph (label "table n", "annex table n"), one row per
//   line with cells joined by " | ", keeping its container's eId.
// - Annexes (<attachments>) give section 'annex' paragraphs: "annex, para. 3" for a
//   numbered one, "annex, text 2" for the 2nd unnumbered one; with several
//   attachments the label names the annex ordinal ("annex 2, para. 3").
// - Every label is unique within its document (labels.ts): where numbering
//   restarts, numbered paragraphs are qualified by the article, chapter or
//   section above them ("annex, art. 5, para. 1", "sect. II, OP 3"). Headings the
//   Chinese files set as plain paragraphs ("第五条", "一 导言") are headings, and
//   a convention's "一、" numbers its paragraph.
// - Whitespace: runs of XML white space collapse to one space, dropped altogether
//   where either neighbour is CJK, so Chinese never gains spaces between characters.
import { XMLValidator } from 'fast-xml-parser';
import type { DocumentKind, ParsedDocument } from '../../../core/model.js';
import { ImportError, type ImportResult, type SourceMetadata } from '../source.js';
import { attr, child, children, find, orderedXmlParser, tagOf, type XNode } from '../xml-tree.js';
import { buildBody } from './body.js';
import { plain } from './inline.js';
import { mergeMeta, readHead, readMeta, type Head, type Meta } from './metadata.js';

export { splitSponsors } from './metadata.js';

const parser = orderedXmlParser({ removeNSPrefix: true });

/**
 * Imports one AKN4UN file. A documentCollection (resolutions A, B, …) yields one
 * document per part. Throws ImportError when the XML is malformed or not AKN.
 */
export function importAkn(xml: string, source: string, meta: SourceMetadata = {}): ImportResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ImportError(source, `malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  }
  let tree: XNode[];
  try {
    tree = parser.parse(xml) as XNode[];
  } catch (e) {
    throw new ImportError(source, `malformed XML: ${(e as Error).message}`);
  }
  const root = tree.find((n) => !('#text' in n) && tagOf(n) !== '?xml' && !tagOf(n).startsWith('#'));
  if (!root) throw new ImportError(source, 'no root element: not Akoma Ntoso');
  if (tagOf(root) !== 'akomaNtoso') {
    throw new ImportError(source, `not Akoma Ntoso: root element is <${tagOf(root)}>, expected <akomaNtoso>`);
  }
  const warnings: string[] = [];
  const documents: ParsedDocument[] = [];

  const statement = child(root, 'statement');
  const collection = child(root, 'documentCollection');
  if (statement) {
    documents.push(buildDocument(statement, readMeta(child(statement, 'meta')), readHead(statement), source, meta, warnings, null));
  } else if (collection) {
    const outerMeta = readMeta(child(collection, 'meta'));
    const outerHead = readHead(collection);
    const comps = children(child(root, 'components'), 'component');
    if (comps.length === 0) throw new ImportError(source, 'documentCollection without <components>: nothing to import');
    for (const comp of comps) {
      const part = find(comp, (n) => tagOf(n) === 'statement' || tagOf(n) === 'doc');
      if (!part) continue;
      const m = mergeMeta(readMeta(child(part, 'meta')), outerMeta);
      const h = readHead(part);
      const letter = h.symbol && /^[A-Z]$/.test(h.symbol.trim()) ? h.symbol.trim() : null;
      const pref = child(part, 'preface');
      const partNo = pref ? plain(find(pref, (n) => tagOf(n) === 'docNumber')) : '';
      const partLetter = letter ?? (/^[A-Z]\.?$/.test(partNo.trim()) ? partNo.trim().replace('.', '') : null);
      // The collection's symbol is "A/RES/80/84 A-B"; each part is "A/RES/80/84 A".
      const baseSymbol = outerHead.symbol?.replace(/\s+[A-Z](?:\s*[-–]\s*[A-Z])?$/, '') ?? null;
      const head: Head = {
        symbol: baseSymbol && partLetter ? `${baseSymbol} ${partLetter}` : baseSymbol,
        conflictingCoverSymbol: outerHead.conflictingCoverSymbol,
        session: outerHead.session,
        title: h.title || outerHead.title,
        agendaItem: outerHead.agendaItem,
        conclusionDate: h.conclusionDate ?? outerHead.conclusionDate,
      };
      if (!partLetter) warnings.push(`${source}: a component has no part letter; symbol ${head.symbol}`);
      documents.push(buildDocument(part, m, head, source, meta, warnings, partLetter));
    }
  } else {
    throw new ImportError(source, 'not an AKN resolution: <akomaNtoso> holds neither <statement> nor <documentCollection>');
  }
  return { documents, warnings };
}

function buildDocument(
  statement: XNode, m: Meta, head: Head, source: string, meta: SourceMetadata, warnings: string[], part: string | null,
): ParsedDocument {
  const language = m.language ?? meta.language ?? null;
  if (!language) throw new ImportError(source, 'no FRBRlanguage in the file and no language in the metadata');
  if (meta.language && m.language && meta.language !== m.language) {
    warnings.push(`${source}: file says language ${m.language}, metadata says ${meta.language}; the file wins`);
  }
  const symbol = head.symbol ?? meta.symbol ?? null;
  if (head.conflictingCoverSymbol) {
    warnings.push(`${source}: cover page says ${head.conflictingCoverSymbol}, the preface says ${head.symbol}; the preface wins`);
  }
  if (!symbol) warnings.push(`${source}: no symbol in the file or the metadata`);
  else if (meta.symbol && head.symbol && meta.symbol !== head.symbol && !part) {
    warnings.push(`${source}: file says symbol ${head.symbol}, metadata says ${meta.symbol}; the file wins`);
  }
  const date = m.date ?? head.conclusionDate ?? meta.date ?? null;
  if (!date) warnings.push(`${source}: no adoption date`);
  const name = attr(statement, 'name') ?? '';
  const kind: DocumentKind = /decision/i.test(name) ? 'decision' : (meta.kind ?? 'resolution');
  const title = head.title || meta.title || '';
  if (!title) warnings.push(`${source}: no title`);
  const paragraphs = buildBody(statement);
  if (paragraphs.length === 0) warnings.push(`${source}${part ? ` part ${part}` : ''}: no paragraphs`);
  return {
    symbol,
    title,
    language,
    kind,
    body: meta.body ?? 'General Assembly',
    session: head.session ?? meta.session ?? null,
    date,
    source,
    draftSymbol: m.draftSymbol,
    agendaItem: m.agendaItem ?? head.agendaItem,
    sponsors: m.sponsors,
    paragraphs,
  };
}
