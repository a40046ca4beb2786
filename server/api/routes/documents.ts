// Corpus routes: list documents, read one document with its paragraphs.
import { Hono } from 'hono';
import { z } from 'zod';
import { DOCUMENT_KINDS, LANGUAGES } from '../../model.js';
import { getDocument, getParagraphs, listDocuments } from '../../store/corpus.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { validate } from '../validate.js';

const listQuery = z.object({
  language: z.enum(LANGUAGES).optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  q: z.string().max(200).optional(),
});

export function documentRoutes(ctx: AppContext) {
  return new Hono()
    .get('/', validate('query', listQuery), (c) => {
      const filter = c.req.valid('query');
      const documents = listDocuments(ctx.db, { ...filter, q: filter.q?.trim() || undefined }).map((d) => ({
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
      return c.json({ documents });
    })
    .get('/:id', (c) => {
      const id = c.req.param('id');
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
      return c.json({ document, paragraphs });
    });
}
