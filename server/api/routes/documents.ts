// Corpus routes: list documents (filtered, a page at a time), read one document with its paragraphs.
import { Hono } from 'hono';
import { getDocument, getParagraphs, pageDocuments } from '../../store/corpus.js';
import type { AppContext } from '../context.js';
import { DocumentsQuery, IdParam, type DocumentResponse, type DocumentsResponse } from '../contract.js';
import { notFound } from '../errors.js';
import { validate } from '../validate.js';

export function documentRoutes(ctx: AppContext) {
  return new Hono()
    .get('/', validate('query', DocumentsQuery), (c) => {
      const { limit, offset, ...filter } = c.req.valid('query');
      const { documents: page, total } = pageDocuments(ctx.db, { ...filter, q: filter.q?.trim() || undefined }, { limit, offset });
      const documents = page.map((d) => ({
        id: d.id,
        symbol: d.symbol,
        title: d.title,
        language: d.language,
        kind: d.kind,
        body: d.body,
        date: d.date,
        session: d.session,
        counts: d.counts,
      }));
      return c.json({ documents, total, offset, limit } satisfies DocumentsResponse);
    })
    .get('/:id', validate('param', IdParam), (c) => {
      const { id } = c.req.valid('param');
      const document = getDocument(ctx.db, id);
      if (!document) throw notFound('Document', id);
      const paragraphs = getParagraphs(ctx.db, id).map((p) => ({
        id: p.id,
        section: p.section,
        number: p.number,
        label: p.label,
        lead: p.lead,
        text: p.text,
        footnotes: p.footnotes,
        items: p.items,
        eId: p.eId ?? null,
      }));
      return c.json({ document, paragraphs } satisfies DocumentResponse);
    });
}
