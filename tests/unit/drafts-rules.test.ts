// The drafts rules as pure functions (server/drafts/): ids and order, a save,
// a copy, rollover with provenance, the import limits, a draft's diff labels.
import { describe, expect, it } from 'vitest';
import { DRAFT_LIMITS } from '../../core/limits.js';
import type { DocumentRecord, ParagraphRecord } from '../../core/model.js';
import { draftDiff } from '../../server/drafts/diff.js';
import { checkImportLimits, ImportRejected, importedDraft } from '../../server/drafts/import.js';
import type { Draft, DraftParagraph } from '../../server/drafts/model.js';
import { applyPatch, copyOf, newDraft, rollover, rolloverParagraphs, withIds } from '../../server/drafts/rules.js';
import type { ImportedDraft } from '../../server/exchange/recognise.js';

const para = (id: string, section: DraftParagraph['section'], text = id): DraftParagraph => ({ id, section, text });

const doc: DocumentRecord = {
  id: 'a-res-78-1-en',
  symbol: 'A/RES/78/1',
  title: 'Crime prevention',
  language: 'en',
  kind: 'resolution',
  body: 'General Assembly',
  session: 78,
  date: '2023-12-19',
  source: 'x.xml',
};

function record(ordinal: number, section: ParagraphRecord['section'], label: string, text: string): ParagraphRecord {
  return { id: `${doc.id}.${ordinal}`, documentId: doc.id, ordinal, section, number: null, label, lead: text.split(' ')[0], text, footnotes: [], items: [] };
}

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-02T00:00:00.000Z';

describe('drafts rules', () => {
  it('puts the preamble first and gives every paragraph a unique id, keeping the client ids that are unique', () => {
    const out = withIds([para('a', 'operative'), para('b', 'preamble'), para('a', 'operative'), para('', 'preamble')]);
    expect(out.map((p) => p.section)).toEqual(['preamble', 'preamble', 'operative', 'operative']);
    expect(out[0].id).toBe('b');
    expect(out[2].id).toBe('a');
    expect(new Set(out.map((p) => p.id)).size).toBe(4);
    expect(out[1].id).toMatch(/^p[0-9a-f]{12}$/);
  });

  it('a new draft is version 1 with its defaults; a save bumps the version and changes only what it names', () => {
    const d = newDraft({ title: 'T', language: 'en' }, T0);
    expect(d).toMatchObject({ title: 'T', body: '', baseDocumentId: null, version: 1, paragraphs: [], createdAt: T0, updatedAt: T0 });
    expect(d.id).toMatch(/^d[0-9a-f]{12}$/);
    const saved = applyPatch({ ...d, baseDocumentId: 'x' }, { title: 'U', paragraphs: [para('o', 'operative'), para('p', 'preamble')] }, T1);
    expect(saved).toMatchObject({ title: 'U', body: '', baseDocumentId: 'x', version: 2, createdAt: T0, updatedAt: T1 });
    expect(saved.paragraphs.map((p) => p.id)).toEqual(['p', 'o']);
    expect(applyPatch(saved, { baseDocumentId: null }, T1).baseDocumentId).toBeNull();
  });

  it('a copy is titled "(copy)" within the title limit, with its own paragraph objects', () => {
    const d: Draft = { ...newDraft({ title: 'x'.repeat(DRAFT_LIMITS.title), language: 'fr', body: 'ECOSOC', paragraphs: [para('a', 'preamble')] }, T0) };
    const copy = copyOf(d);
    expect(copy.title).toHaveLength(DRAFT_LIMITS.title);
    expect(copy).toMatchObject({ language: 'fr', body: 'ECOSOC' });
    expect(copy.paragraphs![0]).not.toBe(d.paragraphs[0]);
    expect(copyOf(d, 'Named').title).toBe('Named');
  });

  it('rolls a resolution over with provenance, skipping headings; a report gives its body as operative paragraphs', () => {
    const res = [record(0, 'heading', 'Title', 'Crime prevention'), record(1, 'preamble', 'PP 1', 'Recalling its resolution'), record(2, 'operative', 'OP 1', 'Urges States')];
    const paras = rolloverParagraphs(doc, res);
    expect(paras.map((p) => [p.section, p.text, p.lead, p.source?.citation])).toEqual([
      ['preamble', 'Recalling its resolution', 'Recalling', 'A/RES/78/1, PP 1'],
      ['operative', 'Urges States', 'Urges', 'A/RES/78/1, OP 1'],
    ]);
    expect(paras[1].source).toMatchObject({ paragraphId: `${doc.id}.2`, documentId: doc.id });
    const report = rolloverParagraphs(doc, [record(0, 'heading', 'I', 'Intro'), record(1, 'body', 'para. 1', 'The Secretary-General reports')]);
    expect(report.map((p) => [p.section, p.source?.citation])).toEqual([['operative', 'A/RES/78/1, para. 1']]);
    expect(rollover(doc, res, {})).toMatchObject({ title: doc.title, language: 'en', body: 'General Assembly', baseDocumentId: doc.id });
    expect(rollover(doc, res, { title: 'Mine', body: '' })).toMatchObject({ title: 'Mine', body: '' });
  });

  it('refuses an import over the paragraph limits, and shapes one within them as a new draft', () => {
    const imported = (n: number, length = 10): ImportedDraft => ({
      title: 't'.repeat(DRAFT_LIMITS.title + 5),
      language: 'en',
      body: 'General Assembly',
      symbol: null,
      paragraphs: Array.from({ length: n }, () => ({ section: 'operative' as const, text: 'x'.repeat(length), lead: '', footnotes: [] })),
      warnings: [],
    });
    expect(() => checkImportLimits(imported(DRAFT_LIMITS.paragraphs + 1))).toThrow(ImportRejected);
    expect(() => checkImportLimits(imported(2, DRAFT_LIMITS.paragraphText + 1))).toThrow(/Paragraph 1 has/);
    const ok = imported(2);
    checkImportLimits(ok);
    const d = importedDraft(ok, 'base');
    expect(d.title).toHaveLength(DRAFT_LIMITS.title);
    expect(d).toMatchObject({ baseDocumentId: 'base', language: 'en' });
    expect(d.paragraphs!.every((p) => p.id === '' && p.source === null)).toBe(true);
  });

  it('diffs a draft against a document with the draft labelled PP/OP as the editor numbers it', () => {
    const res = [record(1, 'preamble', 'PP 1', 'Recalling its resolution'), record(2, 'operative', 'OP 1', 'Urges States to act')];
    const d = newDraft({ title: 'T', language: 'en', baseDocumentId: doc.id, paragraphs: [...rolloverParagraphs(doc, res), para('n', 'operative', 'Decides to remain seized')] }, T0);
    const diff = draftDiff(d, doc, res);
    expect(diff.stats).toMatchObject({ unchanged: 2, added: 1 });
    const added = diff.pairs.find((p) => p.kind === 'added')!;
    expect(JSON.stringify(added)).toContain('OP 2');
  });
});
