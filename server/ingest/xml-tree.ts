// The XML tree as fast-xml-parser gives it with preserveOrder, and the few ways
// of walking it that the AKN importer and the .docx reader share.
import { XMLParser } from 'fast-xml-parser';

/** One node: { tag: children, ':@': attributes } or { '#text': s }. */
export type XNode = Record<string, unknown>;

/**
 * A parser that keeps document order and leaves text and attribute values as
 * written: whitespace and entity decisions belong to the reader, not the parser.
 */
export function orderedXmlParser(options: { removeNSPrefix: boolean }): XMLParser {
  return new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: options.removeNSPrefix,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: false,
  });
}

/** The element's tag ('#text' for text), '' for a node without one. */
export function tagOf(n: XNode): string {
  for (const k in n) if (k !== ':@') return k;
  return '';
}

export function kids(n: XNode): XNode[] {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? (v as XNode[]) : [];
}

export function attr(n: XNode | undefined, name: string): string | undefined {
  const a = n?.[':@'] as Record<string, string> | undefined;
  return a?.[name];
}

/** The first of `nodes` with this tag. */
export function firstTagged(nodes: XNode[], tag: string): XNode | undefined {
  return nodes.find((c) => tagOf(c) === tag);
}

export function child(n: XNode | undefined, tag: string): XNode | undefined {
  return n ? firstTagged(kids(n), tag) : undefined;
}

export function children(n: XNode | undefined, tag: string): XNode[] {
  return n ? kids(n).filter((c) => tagOf(c) === tag) : [];
}

/** The first match in document order, at any depth. */
export function find(n: XNode, pred: (x: XNode) => boolean): XNode | undefined {
  for (const c of kids(n)) {
    if (pred(c)) return c;
    const r = find(c, pred);
    if (r) return r;
  }
  return undefined;
}

/** Every match, not looking inside a match. */
export function findAll(n: XNode, pred: (x: XNode) => boolean, out: XNode[] = []): XNode[] {
  for (const c of kids(n)) {
    if (pred(c)) out.push(c);
    else findAll(c, pred, out);
  }
  return out;
}
