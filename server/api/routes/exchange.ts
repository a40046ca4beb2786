// Word in, Word out, and Akoma Ntoso out. Mounted at the API root so each route
// lives under the prefix it belongs to without touching the other route modules:
//   GET  /documents/:id/export.docx          a corpus document in UN layout
//   GET  /documents/:id/export.akn           a corpus document as AKN4UN XML
//   GET  /drafts/:id/export.akn              a draft as AKN4UN XML, eIds kept from its precedents
//   GET  /drafts/:id/export.docx[?against=]   a draft, tracked against its base (or any document; ?plain=1 for none;
//                                             ?compilation=1 for the compilation text with every pending proposal)
//   GET  /diff/export.docx?from=&to=          `to`, with every change from `from` tracked
//   POST /drafts/import[?changes=accept|reject][&language=]
//        a .docx (multipart "file", or the raw body) or JSON { text, title?, language? } → 201 new draft
// Hono matches these beside the other modules' routes on the same prefixes:
// their "/:id" never spans two path segments, and no other module has "import".
import { Hono, type Context } from 'hono';
import { getDocument, getParagraph, getParagraphs } from '../../store/corpus.js';
import { draftAuthorship, getDraft, importDraft, type DraftAuthorship } from '../../drafts/service.js';
import type { ImportSource } from '../../drafts/import.js';
import type { Draft } from '../../drafts/model.js';
import { buildAkn, documentForAkn, draftForAkn } from '../../exchange/akn-export.js';
import { exportDocx, resolutionNumber, type ExportDocument, type ExportParagraph } from '../../exchange/docx-export.js';
import { MAX_IMPORT_BYTES } from '../../exchange/docx-import.js';
import { contentDisposition, cutToCharacters, fileBaseName } from '../../exchange/file-name.js';
import { exportCompilationDocx } from '../../exchange/compilation-docx.js';
import { compilationText } from '../../negotiation/service.js';
import type { AppContext, AppEnv } from '../context.js';
import { DiffExportQuery, DraftExportQuery, IdParam, ImportQuery, ImportTextBody, type ImportResult } from '../contract.js';
import { guard } from '../refusals.js';
import { actorOf, corpusReaders, requireUser } from '../session.js';
import { ApiError, notFound } from '../errors.js';
import { validate } from '../validate.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The request's limit (body-limits.ts) leaves room for the multipart framing;
 * the file itself is held to MAX_IMPORT_BYTES here, with the same 413.
 */
function withinUploadLimit(bytes: Uint8Array): Uint8Array {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ApiError(413, `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  }
  return bytes;
}

/** `revisionOf`: who removed a paragraph, for a draft's base exported as tracked deletions. */
function documentParagraphs(ctx: AppContext, documentId: string, resolutionOnly: boolean, revisionOf?: (paragraphId: string) => ExportParagraph['revision']): ExportParagraph[] {
  return getParagraphs(ctx.db, documentId)
    .filter((p) => !resolutionOnly || p.section === 'preamble' || p.section === 'operative')
    .map((p) => ({ section: p.section, text: p.text, lead: p.lead, footnotes: p.footnotes, revision: revisionOf?.(p.id) }));
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

function draftExport(ctx: AppContext, draft: Draft, authorship: DraftAuthorship): ExportDocument {
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
    paragraphs: draft.paragraphs.map((p) => ({
      section: p.section,
      text: p.text,
      lead: p.lead ?? '',
      footnotes: p.footnotes ?? [],
      revision: authorship.changed.get(p.id) ?? authorship.created ?? undefined,
    })),
  };
}

/** The longest title a file name carries, in characters (an emoji is one). */
const TITLE_IN_NAME = 80;

/** A document as a file name names it: "A-RES-78-229" (a symbol's slashes cannot be in a file name), else its title. */
function fileSymbol(doc: { symbol: string | null; title: string }): string {
  return doc.symbol ? doc.symbol.replace(/\//g, '-') : cutToCharacters(doc.title, TITLE_IN_NAME);
}

/** A file name safe in every browser: ASCII fallback plus the UTF-8 form. */
function sendDocx(c: Context, buffer: Buffer, name: string) {
  return c.body(new Uint8Array(buffer), 200, {
    'Content-Type': DOCX_TYPE,
    'Content-Disposition': contentDisposition(fileBaseName(name), 'docx'),
  });
}

/** AKN's registered media type; the file keeps the .xml extension the UN's files have. */
function sendAkn(c: Context, xml: string, name: string) {
  return c.body(xml, 200, { 'Content-Type': 'application/akn+xml; charset=utf-8', 'Content-Disposition': contentDisposition(fileBaseName(name), 'akn.xml') });
}

const today = () => new Date().toISOString().slice(0, 10);

export function exchangeRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .use('/documents/*', corpusReaders(ctx))
    .use('/diff/*', corpusReaders(ctx))
    .use('/drafts/*', requireUser)
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
    .get('/drafts/:id/export.akn', validate('param', IdParam), async (c) => {
      const draft = await guard(() => getDraft(ctx, actorOf(c), c.req.valid('param').id));
      const base = draft.baseDocumentId ? getDocument(ctx.db, draft.baseDocumentId) : null;
      const eIdOf = (paragraphId: string) => getParagraph(ctx.db, paragraphId)?.eId ?? null;
      return sendAkn(c, buildAkn(draftForAkn(draft, eIdOf, base, today())), cutToCharacters(draft.title, TITLE_IN_NAME));
    })
    .get('/drafts/:id/export.docx', validate('param', IdParam), validate('query', DraftExportQuery), async (c) => {
      const actor = actorOf(c);
      const q = c.req.valid('query');
      if (q.compilation === '1' || q.compilation === 'true') {
        const { draft, paragraphs } = await guard(() => compilationText(ctx, actor, c.req.valid('param').id));
        const heading = `Compilation text, version ${draft.version}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
        const buffer = await exportCompilationDocx({ language: draft.language, title: draft.title, body: draft.body, heading, paragraphs });
        return sendDocx(c, buffer, `${draft.title.slice(0, 80)} (compilation text)`);
      }
      const draft = await guard(() => getDraft(ctx, actor, c.req.valid('param').id));
      const authorship = await draftAuthorship(ctx, actor, draft.id);
      const plain = q.plain === '1' || q.plain === 'true';
      const against = plain ? null : (q.against ?? draft.baseDocumentId);
      const againstDoc = against ? getDocument(ctx.db, against) : null;
      if (against && !againstDoc) throw notFound('Document', against);
      const removedBy = (paragraphId: string) => authorship.removed.get(paragraphId) ?? authorship.created ?? undefined;
      const { buffer } = await exportDocx(draftExport(ctx, draft, authorship), { against: against ? documentParagraphs(ctx, against, true, removedBy) : null });
      return sendDocx(c, buffer, `${cutToCharacters(draft.title, TITLE_IN_NAME)}${againstDoc ? ` (changes against ${fileSymbol(againstDoc)})` : ''}`);
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
    .post('/drafts/import', validate('query', ImportQuery), async (c) => {
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
        source = { docx: withinUploadLimit(new Uint8Array(await file.arrayBuffer())), name: file.name, changes: q.changes, language: q.language, title: q.title };
      } else source = { docx: withinUploadLimit(new Uint8Array(await c.req.arrayBuffer())), changes: q.changes, language: q.language, title: q.title };
      const { draft, changesSeen, warnings } = await guard(() => importDraft(ctx, actorOf(c), source, ctx.imports));
      return c.json({ draft, changesSeen, changes: changesSeen === null ? null : (q.changes ?? 'accept'), warnings } satisfies ImportResult, 201);
    });
}
