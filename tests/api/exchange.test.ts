// Word in, Word out, through the real Hono app over a copy of the bundled
// corpus. Every check on an exported file reads its XML with the independent
// reader in tests/helpers/docx-xml.ts, never the writer's objects.
// Exported files are kept under test-artifacts/exchange/ to be opened by hand.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { sourceModified } from '../../core/citation.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp, type Client } from '../helpers/api.js';
import { getParagraphs } from '../../server/store/corpus.js';
import type { Db } from '../../server/store/db.js';
import type { Draft, DraftParagraph } from '../../server/drafts/model.js';
import { openCorpusCopy } from '../helpers/corpus.js';
import { ROOT } from '../helpers/paths.js';
import { logicalParagraphs, readXml, resolve } from '../helpers/docx-xml.js';

const ARTIFACTS = join(ROOT, 'test-artifacts/exchange');
const BODY_STYLES = ['UNPreamble', 'UNOperative', 'UNText', 'UNHeading'];

let db: Db;
let app: Client;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  db = openCorpusCopy().db;
  app = await signedInApp(db);
});
afterAll(() => db.close());

const draftCount = () => (db.prepare('SELECT COUNT(*) AS n FROM drafts').get() as { n: number }).n;

async function rollover(base: string): Promise<Draft> {
  const res = await app.request('/api/drafts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ base }) });
  expect(res.status).toBe(201);
  return (await res.json()) as Draft;
}

async function download(url: string, artifact?: string): Promise<Buffer> {
  const res = await app.request(url);
  expect(res.status, `${url}: ${res.status}`).toBe(200);
  expect(res.headers.get('content-type')).toContain('wordprocessingml');
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.docx"/);
  const buf = Buffer.from(await res.arrayBuffer());
  if (artifact) writeFileSync(join(ARTIFACTS, artifact), buf);
  return buf;
}

async function upload(bytes: Uint8Array, query = '', name = 'draft.docx') {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
  const res = await app.request(`/api/drafts/import${query}`, { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as { draft: Draft; changesSeen: number | null; error?: string } };
}

const shape = (ps: Array<Pick<DraftParagraph, 'section' | 'text' | 'lead' | 'footnotes'>>) =>
  ps.map((p) => ({ section: p.section, text: p.text, lead: p.lead ?? '', footnotes: (p.footnotes ?? []).map((f) => ({ marker: f.marker, text: f.text, offset: f.offset })) }));

describe('round trip: a draft rolled over from a real resolution, exported and imported again', () => {
  for (const lang of ['zh', 'en', 'ar', 'ru'] as const) {
    it(`keeps every paragraph, section, lead and footnote (${lang}, A/RES/80/229)`, async () => {
      const draft = await rollover(`a-res-80-229-${lang}`);
      expect(draft.paragraphs.length).toBe(157);
      const footnoteCount = draft.paragraphs.reduce((n, p) => n + (p.footnotes?.length ?? 0), 0);
      expect(footnoteCount).toBeGreaterThan(30);
      const file = await download(`/api/drafts/${draft.id}/export.docx?plain=1`, `draft-80-229-${lang}.docx`);

      // The file itself: real footnotes, numbered operative paragraphs, script and direction.
      const xml = await readXml(file);
      expect(xml.revisionElements).toBe(0);
      expect(xml.footnotes.size).toBe(footnoteCount);
      const body = logicalParagraphs(resolve(xml.paragraphs, 'accept'), BODY_STYLES, 'UNSubItem');
      expect(body.map((p) => p.text)).toEqual(draft.paragraphs.map((p) => p.text));
      expect(xml.paragraphs.filter((p) => p.style === 'UNOperative').every((p) => p.numbered)).toBe(true);
      expect(xml.paragraphs.filter((p) => p.style === 'UNPreamble').some((p) => p.numbered)).toBe(false);
      const firstPp = xml.paragraphs.find((p) => p.style === 'UNPreamble')!;
      expect(firstPp.segments[0].rStyle).toBe('UNLead');
      expect(firstPp.segments[0].text).toBe(draft.paragraphs[0].lead);
      expect(xml.paragraphs.filter((p) => p.style === 'UNPreamble').every((p) => p.bidi === (lang === 'ar'))).toBe(true);

      const back = await upload(file);
      expect(back.status).toBe(201);
      expect(back.body.changesSeen).toBe(0);
      expect(back.body.draft.language).toBe(lang);
      expect(back.body.draft.title).toBe(draft.title);
      expect(back.body.draft.baseDocumentId).toBe(`a-res-80-229-${lang}`);
      expect(shape(back.body.draft.paragraphs)).toEqual(shape(draft.paragraphs));
    });
  }

  it('keeps lettered sub-items as their own Word paragraphs and brings them back into their paragraph (ru, ar)', async () => {
    for (const id of ['a-res-80-104-ru', 'a-res-80-104-ar']) {
      const draft = await rollover(id);
      const withItems = draft.paragraphs.filter((p) => p.text.includes('\n'));
      expect(withItems.length).toBeGreaterThan(0);
      const file = await download(`/api/drafts/${draft.id}/export.docx?plain=1`, `draft-${id}.docx`);
      const xml = await readXml(file);
      const items = xml.paragraphs.filter((p) => p.style === 'UNSubItem');
      expect(items.length).toBe(withItems.reduce((n, p) => n + p.text.split('\n').length - 1, 0));
      // Marker, then a tab, as the UN sets them: "a)\t…" / "(أ)\t…".
      expect(items.every((p) => p.segments[1]?.text === '\t')).toBe(true);
      const back = await upload(file);
      expect(back.status).toBe(201);
      expect(shape(back.body.draft.paragraphs)).toEqual(shape(draft.paragraphs));
    }
  });
});

describe('tracked changes', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`78/229 → 80/229 (${lang}): accept all gives 80/229, reject all gives 78/229, changes at the diff's granularity`, async () => {
      const from = `a-res-78-229-${lang}`;
      const to = `a-res-80-229-${lang}`;
      const file = await download(`/api/diff/export.docx?from=${from}&to=${to}`, `diff-78-229-to-80-229-${lang}.docx`);
      const xml = await readXml(file);
      const texts = (id: string) => getParagraphs(db, id).map((p) => p.text);
      const notes = (id: string) => getParagraphs(db, id).map((p) => p.footnotes.map((f) => f.text));
      for (const [view, id] of [['accept', to], ['reject', from]] as const) {
        const got = logicalParagraphs(resolve(xml.paragraphs, view), BODY_STYLES, 'UNSubItem');
        expect(got.map((p) => p.text), view).toEqual(texts(id));
        expect(got.map((p) => p.footnotes.map((f) => xml.footnotes.get(f))), view).toEqual(notes(id));
      }
      // Granularity: Chinese changes by character (single-character edits exist),
      // other languages by whole words (no edit starts or ends inside a word).
      // The neighbours of an edit are read in the view it belongs to (an
      // insertion among the accepted text, a deletion among the rejected).
      const edits = xml.paragraphs.flatMap((p) =>
        p.segments.map((s, k) => {
          const other = s.status === 'insert' ? 'delete' : 'insert';
          const view = (list: typeof p.segments) => list.filter((x) => x.status !== other).map((x) => x.text).join('');
          return { s, before: view(p.segments.slice(0, k)).slice(-1), after: view(p.segments.slice(k + 1)).slice(0, 1) };
        }),
      ).filter((e) => e.s.status !== 'equal' && e.s.text);
      expect(edits.length).toBeGreaterThan(50);
      if (lang === 'zh') expect(edits.some((e) => /^\p{Script=Han}$/u.test(e.s.text) && /\p{Script=Han}/u.test(e.before))).toBe(true);
      else {
        const midWord = edits.filter((e) => (/\p{L}$/u.test(e.before) && /^\p{L}/u.test(e.s.text)) || (/\p{L}$/u.test(e.s.text) && /^\p{L}/u.test(e.after)));
        expect(midWord.map((e) => e.before + '|' + e.s.text + '|' + e.after)).toEqual([]);
      }
    });
  }

  it('a draft edited after rollover is exported against its base: accept = the draft, reject = the base', async () => {
    const draft = await rollover('a-res-78-229-en');
    const ps = draft.paragraphs.map((p) => ({ ...p }));
    const firstOp = ps.findIndex((p) => p.section === 'operative');
    ps[firstOp] = { ...ps[firstOp], text: ps[firstOp].text.replace('Takes note', 'Takes note with great appreciation') };
    ps.splice(2, 1); // a preambular paragraph dropped
    ps.splice(firstOp + 3, 0, { id: 'new1', section: 'operative', text: 'Decides to remain seized of the matter.', lead: 'Decides', footnotes: [] });
    const res = await app.request(`/api/drafts/${draft.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: draft.version, paragraphs: ps }) });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as Draft;
    const file = await download(`/api/drafts/${draft.id}/export.docx`, 'draft-78-229-en-edited-vs-base.docx');
    const xml = await readXml(file);
    const base = getParagraphs(db, 'a-res-78-229-en').filter((p) => p.section === 'preamble' || p.section === 'operative');
    expect(logicalParagraphs(resolve(xml.paragraphs, 'accept'), BODY_STYLES, 'UNSubItem').map((p) => p.text)).toEqual(saved.paragraphs.map((p) => p.text));
    expect(logicalParagraphs(resolve(xml.paragraphs, 'reject'), BODY_STYLES, 'UNSubItem').map((p) => p.text)).toEqual(base.map((p) => p.text));
    // The edit is a word-level insertion, not a rewritten paragraph.
    expect(xml.paragraphs.some((p) => p.segments.some((s) => s.status === 'insert' && s.text.trim() === 'great'))).toBe(true);
    // Imported back as accepted or as rejected, with the count of changes seen.
    const accepted = await upload(file, '?changes=accept');
    expect(accepted.status).toBe(201);
    expect(accepted.body.changesSeen).toBe(xml.revisionElements);
    expect(accepted.body.draft.paragraphs.map((p) => p.text)).toEqual(saved.paragraphs.map((p) => p.text));
    const rejected = await upload(file, '?changes=reject');
    expect(rejected.body.draft.paragraphs.map((p) => [p.section, p.text])).toEqual(base.map((p) => [p.section, p.text]));
  });
});

describe('footnotes after an edit', () => {
  /** The text with "^" where each footnote stands. */
  const withRefs = (text: string, offsets: number[]) => {
    let out = '';
    let at = 0;
    for (const o of [...offsets].sort((a, b) => a - b)) {
      out += text.slice(at, o) + '^';
      at = o;
    }
    return out + text.slice(at);
  };

  it('78/229 rolled over, "Reaffirming also" → "Reaffirming further" in PP 2, the old footnotes sent back: each reference follows its character in Word', async () => {
    const draft = await rollover('a-res-78-229-en');
    const ps = draft.paragraphs.map((p) => ({ ...p }));
    expect(ps[1].text.startsWith('Reaffirming also')).toBe(true);
    expect(ps[1].footnotes?.length).toBeGreaterThan(2);
    // A client that edits text and sends the footnotes as it got them (today's editor, a script).
    ps[1] = { ...ps[1], text: ps[1].text.replace('Reaffirming also', 'Reaffirming further'), lead: 'Reaffirming further' };
    const res = await app.request(`/api/drafts/${draft.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: draft.version, paragraphs: ps }) });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as Draft;

    const base = getParagraphs(db, 'a-res-78-229-en').filter((p) => p.section === 'preamble' || p.section === 'operative');
    const expected = base.map((p, i) => {
      const marked = withRefs(p.text, p.footnotes.map((f) => f.offset));
      return i === 1 ? marked.replace('Reaffirming also', 'Reaffirming further') : marked;
    });
    // The saved draft: every footnote where it belongs.
    expect(saved.paragraphs.map((p) => withRefs(p.text, (p.footnotes ?? []).map((f) => f.offset)))).toEqual(expected);
    expect(expected[1]).toMatch(/Protocols thereto,\^ the Single Convention/);

    // The clean Word file: each reference right after the character it follows.
    const xml = await readXml(await download(`/api/drafts/${draft.id}/export.docx?plain=1`, 'draft-78-229-en-footnotes-edited.docx'));
    const wordText: string[] = [];
    for (const p of xml.paragraphs.filter((x) => x.style && [...BODY_STYLES, 'UNSubItem'].includes(x.style))) {
      const line = p.segments.map((s) => (s.footnote ? '^' : s.text)).join('');
      if (p.style === 'UNSubItem' && wordText.length) wordText[wordText.length - 1] += '\n' + line.replace(/^([^\t]{1,8})\t/, '$1 ');
      else wordText.push(line);
    }
    expect(wordText).toEqual(expected);
    // Round trip: imported back, the footnotes stand where they stood.
    const back = await upload(await download(`/api/drafts/${draft.id}/export.docx?plain=1`));
    expect(back.status).toBe(201);
    expect(back.body.draft.paragraphs.map((p) => withRefs(p.text, (p.footnotes ?? []).map((f) => f.offset)))).toEqual(expected);
  });
});

describe('provenance in Word', () => {
  it('a paragraph edited after rollover is "modified"; its provenance survives export and import, edits made in Word included', async () => {
    const draft = await rollover('a-res-78-229-en');
    const ps = draft.paragraphs.map((p) => ({ ...p }));
    const op6 = ps.findIndex((p) => p.source?.citation === 'A/RES/78/229, OP 6');
    expect(op6).toBeGreaterThan(0);
    expect(ps[op6].source?.text).toBe(ps[op6].text);
    ps[op6] = { ...ps[op6], text: `${ps[op6].text.replace(/[;.]$/, '')}, and to report thereon;` };
    const res = await app.request(`/api/drafts/${draft.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: draft.version, paragraphs: ps }) });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as Draft;
    expect(saved.paragraphs[op6].source).toMatchObject({ citation: 'A/RES/78/229, OP 6', paragraphId: 'a-res-78-229-en.op6' });
    expect(sourceModified(saved.paragraphs[op6].text, saved.paragraphs[op6].source)).toBe(true);
    expect(saved.paragraphs.filter((p) => sourceModified(p.text, p.source)).length).toBe(1);

    const file = await download(`/api/drafts/${draft.id}/export.docx?plain=1`, 'draft-78-229-en-provenance.docx');
    const back = await upload(file);
    expect(back.status).toBe(201);
    const imported = back.body.draft.paragraphs;
    expect(imported.map((p) => p.source?.citation ?? null)).toEqual(saved.paragraphs.map((p) => p.source?.citation ?? null));
    expect(imported.map((p) => sourceModified(p.text, p.source))).toEqual(saved.paragraphs.map((p) => sourceModified(p.text, p.source)));

    // Edited in Word: a paragraph's text changed, the file saved again.
    const zip = await JSZip.loadAsync(file);
    const xml = await zip.file('word/document.xml')!.async('string');
    const pp1 = saved.paragraphs[0].text;
    const word = pp1.split(' ').find((w) => w.length > 6 && xml.includes(w))!;
    zip.file('word/document.xml', xml.replace(word, `${word} (edited in Word)`));
    const edited = await upload(await zip.generateAsync({ type: 'uint8array' }));
    expect(edited.status).toBe(201);
    const first = edited.body.draft.paragraphs[0];
    expect(first.source?.citation).toBe(saved.paragraphs[0].source?.citation);
    expect(sourceModified(first.text, first.source)).toBe(true);
  });
});

describe('corpus documents', () => {
  it('exports any document with its symbol, title line and paragraphs; 404 for an unknown one', async () => {
    const file = await download('/api/documents/a-res-80-229-en/export.docx', 'document-80-229-en.docx');
    const xml = await readXml(file);
    const lines = resolve(xml.paragraphs, 'accept');
    expect(lines.find((p) => p.style === 'UNSymbol')?.text).toBe('A/RES/80/229');
    expect(lines.find((p) => p.style === 'UNTitle')?.text).toMatch(/^80\/229\.\tStrengthening the United Nations crime prevention/);
    expect(lines.find((p) => p.style === 'UNFormula')?.text).toBe('The General Assembly,');
    expect(logicalParagraphs(lines, BODY_STYLES, 'UNSubItem').map((p) => p.text)).toEqual(getParagraphs(db, 'a-res-80-229-en').map((p) => p.text));
    expect((await app.request('/api/documents/no-such-doc/export.docx')).status).toBe(404);
    // The documents module's own route still answers beside this one.
    expect((await app.request('/api/documents/a-res-80-229-en')).status).toBe(200);
  });

  it('names files by symbol, never by internal id', async () => {
    const name = async (url: string) => {
      const res = await app.request(url);
      expect(res.status, url).toBe(200);
      const cd = res.headers.get('content-disposition')!;
      return decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(cd)![1]);
    };
    expect(await name('/api/documents/a-res-80-229-en/export.docx')).toBe('A-RES-80-229-en.docx');
    expect(await name('/api/diff/export.docx?from=a-res-78-229-en&to=a-res-80-229-en')).toBe('A-RES-80-229 changes against A-RES-78-229.docx');
    const draft = await rollover('a-res-78-229-en');
    expect(await name(`/api/drafts/${draft.id}/export.docx`)).toBe(`${draft.title.slice(0, 80)} (changes against A-RES-78-229).docx`);
    expect(await name(`/api/drafts/${draft.id}/export.docx?plain=1`)).toBe(`${draft.title.slice(0, 80)}.docx`);
  });

  it('diff export refuses a missing or identical pair', async () => {
    expect((await app.request('/api/diff/export.docx?from=a-res-80-229-en&to=a-res-80-229-en')).status).toBe(400);
    expect((await app.request('/api/diff/export.docx?from=a-res-80-229-en')).status).toBe(400);
    expect((await app.request('/api/diff/export.docx?from=nope&to=a-res-80-229-en')).status).toBe(404);
  });
});

describe('import', () => {
  it('recognises pasted text: header, preamble, numbered operative paragraphs, leads, sub-items', async () => {
    const text = [
      'Strengthening cooperation',
      'The General Assembly,',
      'Recalling its resolution 78/229 of 19 December 2023,',
      'Noting with concern the rise in cybercrime,',
      '1. Requests the Secretary-General to report;',
      '2. Calls upon Member States:',
      '(a) To cooperate;',
      '(b) To share information;',
      '3. Decides to remain seized of the matter.',
    ].join('\n');
    const res = await app.request('/api/drafts/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    expect(res.status).toBe(201);
    const { draft, changesSeen } = (await res.json()) as { draft: Draft; changesSeen: null };
    expect(changesSeen).toBeNull();
    expect(draft.title).toBe('Strengthening cooperation');
    expect(draft.language).toBe('en');
    expect(draft.paragraphs.map((p) => [p.section, p.lead, p.text])).toEqual([
      ['preamble', 'Recalling', 'Recalling its resolution 78/229 of 19 December 2023,'],
      ['preamble', 'Noting with concern', 'Noting with concern the rise in cybercrime,'],
      ['operative', 'Requests', 'Requests the Secretary-General to report;'],
      ['operative', 'Calls upon', 'Calls upon Member States:\n(a) To cooperate;\n(b) To share information;'],
      ['operative', 'Decides', 'Decides to remain seized of the matter.'],
    ]);
  });

  it('answers 400 saying which problem (413 for an oversize file), and stores nothing, for a non-docx, a corrupt, an oversize or an empty file', async () => {
    const before = draftCount();
    const cases: Array<[Uint8Array, RegExp, number]> = [
      [new TextEncoder().encode('just some text, not a Word file'), /not a Word \.docx/, 400],
      [new TextEncoder().encode('%PDF-1.7 fake'), /PDF/, 400],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]), /corrupt/, 400],
      [new Uint8Array(10 * 1024 * 1024 + 1).fill(0x50), /10 MB/, 413],
      [await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] })), /no paragraphs/, 400],
    ];
    for (const [bytes, message, status] of cases) {
      const res = await upload(bytes);
      expect(res.status, String(message)).toBe(status);
      expect(res.body.error).toMatch(message);
    }
    const noFile = await app.request('/api/drafts/import', { method: 'POST', body: new FormData() });
    expect(noFile.status).toBe(400);
    const badJson = await app.request('/api/drafts/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":' });
    expect(badJson.status).toBe(400);
    expect(draftCount()).toBe(before);
  });
});
