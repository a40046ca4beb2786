// Word in, Word out, and Akoma Ntoso out. Mounted at the API root so each route
// lives under the prefix it belongs to without touching the other route modules:
//   GET  /documents/:id/export.docx          a corpus document in UN layout
//   GET  /documents/:id/export.akn           a corpus document as AKN4UN XML
//   GET  /drafts/:id/export.akn              a draft as AKN4UN XML, eIds kept from its precedents
//   GET  /drafts/:id/export.docx[?against=]   a draft, tracked against its base (or any document; ?plain=1 for none)
//   GET  /diff/export.docx?from=&to=          `to`, with every change from `from` tracked
//   POST /drafts/import[?changes=accept|reject][&language=]
//        a .docx (multipart "file", or the raw body) or JSON { text, title?, language? } → 201 new draft
// Hono matches these beside the other modules' routes on the same prefixes:
// their "/:id" never spans two path segments, and no other module has "import".
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getDocument, getParagraph, getParagraphs } from '../../store/corpus.js';
import { getDraft, importDraft } from '../../drafts/service.js';
import type { ImportSource } from '../../drafts/import.js';
import type { Draft } from '../../drafts/model.js';
import { buildAkn, documentForAkn, draftForAkn } from '../../exchange/akn-export.js';
import { exportDocx, resolutionNumber, type ExportDocument, type ExportParagraph } from '../../exchange/docx-export.js';
import { MAX_IMPORT_BYTES } from '../../exchange/docx-import.js';
import type { AppContext } from '../context.js';
import { DiffExportQuery, DraftExportQuery, IdParam, ImportQuery, ImportTextBody, type ErrorBody, type ImportResult } from '../contract.js';
import { guard } from '../draft-errors.js';
import { ApiError, notFound } from '../errors.js';
import { validate } from '../validate.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// Multipart framing around a 10 MB file: allow a little over, then check the file itself.
const limitUpload = bodyLimit({
  maxSize: MAX_IMPORT_BYTES + 256 * 1024,
  onError: (c) => c.json({ error: `The upload is over the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit.` } satisfies ErrorBody, 400),
});

function documentParagraphs(ctx: AppContext, documentId: string, resolutionOnly: boolean): ExportParagraph[] {
  return getParagraphs(ctx.db, documentId)
    .filter((p) => !resolutionOnly || p.section === 'preamble' || p.section === 'operative')
    .map((p) => ({ section: p.section, text: p.text, lead: p.lead, footnotes: p.footnotes }));
}

function documentExport(ctx: AppContext, documentId: string): ExportDocument | null {
  const doc = getDocument(ctx.db, documentId);
  if (!doc) return null;
  return {
    language: doc.language,
    symbol: doc.symbol,
    body: doc.body,
    agendaItem: doc.agendaItem ?? null,
    title: doc.title,
    titleNumber: resolutionNumber(doc.symbol),
    paragraphs: documentParagraphs(ctx, documentId, false),
  };
}

function draftExport(ctx: AppContext, draft: Draft): ExportDocument {
  const base = draft.baseDocumentId ? getDocument(ctx.db, draft.baseDocumentId) : null;
  return {
    language: draft.language,
    symbol: null,
    body: draft.body,
    agendaItem: base?.agendaItem ?? null,
    title: draft.title,
    titleNumber: null,
    baseDocumentId: draft.baseDocumentId,
    sources: draft.paragraphs.map((p) => p.source?.paragraphId ?? null),
    paragraphs: draft.paragraphs.map((p) => ({ section: p.section, text: p.text, lead: p.lead ?? '', footnotes: p.footnotes ?? [] })),
  };
}

/** A document as a file name names it: "A-RES-78-229" (a symbol's slashes cannot be in a file name), else its title. */
function fileSymbol(doc: { symbol: string | null; title: string }): string {
  return doc.symbol ? doc.symbol.replace(/\//g, '-') : doc.title.slice(0, 80);
}

/** A file name safe in every browser: ASCII fallback plus the UTF-8 form. */
function attachment(name: string, extension: string): string {
  const ascii = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'document';
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(name)}.${extension}`;
}

function sendDocx(c: Context, buffer: Buffer, name: string) {
  return c.body(new Uint8Array(buffer), 200, { 'Content-Type': DOCX_TYPE, 'Content-Disposition': attachment(name, 'docx') });
}

/** AKN's registered media type; the file keeps the .xml extension the UN's files have. */
function sendAkn(c: Context, xml: string, name: string) {
  return c.body(xml, 200, { 'Content-Type': 'application/akn+xml; charset=utf-8', 'Content-Disposition': attachment(name, 'akn.xml') });
}

const today = () => new Date().toISOString().slice(0, 10);

export function exchangeRoutes(ctx: AppContext) {
  return new Hono()
    .get('/documents/:id/export.docx', validate('param', IdParam), async (c) => {
      const documentId = c.req.param('id');
      const doc = documentExport(ctx, documentId);
      if (!doc) throw notFound('Document', documentId);
      const { buffer } = await exportDocx(doc);
      return sendDocx(c, buffer, `${fileSymbol(doc)}-${doc.language}`);
    })
    .get('/documents/:id/export.akn', validate('param', IdParam), (c) => {
      const documentId = c.req.param('id');
      const doc = getDocument(ctx.db, documentId);
      if (!doc) throw notFound('Document', documentId);
      const xml = buildAkn(documentForAkn(doc, getParagraphs(ctx.db, documentId), today()));
      return sendAkn(c, xml, `${fileSymbol(doc)}-${doc.language}`);
    })
    .get('/drafts/:id/export.akn', validate('param', IdParam), (c) => {
      const draft = guard(() => getDraft(ctx.db, c.req.valid('param').id));
      const base = draft.baseDocumentId ? getDocument(ctx.db, draft.baseDocumentId) : null;
      const eIdOf = (paragraphId: string) => getParagraph(ctx.db, paragraphId)?.eId ?? null;
      return sendAkn(c, buildAkn(draftForAkn(draft, eIdOf, base, today())), draft.title.slice(0, 80));
    })
    .get('/drafts/:id/export.docx', validate('param', IdParam), validate('query', DraftExportQuery), async (c) => {
      const draft = guard(() => getDraft(ctx.db, c.req.valid('param').id));
      const q = c.req.valid('query');
      const plain = q.plain === '1' || q.plain === 'true';
      const against = plain ? null : (q.against ?? draft.baseDocumentId);
      const againstDoc = against ? getDocument(ctx.db, against) : null;
      if (against && !againstDoc) throw notFound('Document', against);
      const { buffer } = await exportDocx(draftExport(ctx, draft), { against: against ? documentParagraphs(ctx, against, true) : null });
      return sendDocx(c, buffer, `${draft.title.slice(0, 80)}${againstDoc ? ` (changes against ${fileSymbol(againstDoc)})` : ''}`);
    })
    .get('/diff/export.docx', validate('query', DiffExportQuery), async (c) => {
      const { from, to } = c.req.valid('query');
      if (from === to) throw new ApiError(400, 'Invalid query: from and to are the same document');
      const fromDoc = getDocument(ctx.db, from);
      if (!fromDoc) throw notFound('Document', from);
      const doc = documentExport(ctx, to);
      if (!doc) throw notFound('Document', to);
      if (fromDoc.language !== doc.language) throw new ApiError(400, `Invalid query: from is in ${fromDoc.language}, to in ${doc.language}; compare versions in one language`);
      const { buffer } = await exportDocx(doc, { against: documentParagraphs(ctx, from, false) });
      return sendDocx(c, buffer, `${fileSymbol(doc)} changes against ${fileSymbol(fromDoc)}`);
    })
    .post('/drafts/import', limitUpload, validate('query', ImportQuery), async (c) => {
      const q = c.req.valid('query');
      const type = c.req.header('content-type') ?? '';
      let source: ImportSource;
      if (type.startsWith('application/json')) {
        let json: unknown;
        try {
          json = await c.req.json();
        } catch {
          throw new ApiError(400, 'Malformed JSON body');
        }
        const parsed = ImportTextBody.safeParse(json);
        if (!parsed.success) throw new ApiError(400, `Invalid json: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`);
        source = { text: parsed.data.text, language: parsed.data.language ?? q.language, title: parsed.data.title ?? q.title };
      } else if (type.startsWith('multipart/form-data')) {
        const form = await c.req.formData().catch(() => null);
        const file = form?.get('file');
        if (!file || typeof file === 'string') throw new ApiError(400, 'No file: send the .docx as the multipart field "file"');
        source = { docx: new Uint8Array(await file.arrayBuffer()), name: file.name, changes: q.changes, language: q.language, title: q.title };
      } else source = { docx: new Uint8Array(await c.req.arrayBuffer()), changes: q.changes, language: q.language, title: q.title };
      const { draft, changesSeen, warnings } = await guard(() => importDraft(ctx.db, source));
      return c.json({ draft, changesSeen, changes: changesSeen === null ? null : (q.changes ?? 'accept'), warnings } satisfies ImportResult, 201);
    });
}
