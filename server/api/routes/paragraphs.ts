// Paragraph routes: a paragraph's lineage back through its series, and its
// translations in the other language versions of its document.
import { Hono } from 'hono';
import { paragraphLineage } from '../../compare/service.js';
import { paragraphTranslations } from '../../compare/translations.js';
import type { AppContext } from '../context.js';
import { IdParam, type LineageResponse, type TranslationsResponse } from '../contract.js';
import { notFound } from '../errors.js';
import { validate } from '../validate.js';

export function paragraphRoutes(ctx: AppContext) {
  return new Hono()
    .get('/:id/lineage', validate('param', IdParam), (c) => {
      const { id } = c.req.valid('param');
      const lineage = paragraphLineage(ctx.db, id);
      if (!lineage) throw notFound('Paragraph', id);
      return c.json(lineage satisfies LineageResponse);
    })
    .get('/:id/translations', validate('param', IdParam), (c) => {
      const { id } = c.req.valid('param');
      const found = paragraphTranslations(ctx.db, id);
      if (!found) throw notFound('Paragraph', id);
      const { paragraph: p, language, translations } = found;
      const paragraph = { id: p.id, documentId: p.documentId, language, label: p.label, lead: p.lead, text: p.text };
      return c.json({ paragraph, translations } satisfies TranslationsResponse);
    });
}
