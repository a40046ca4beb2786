// Series, diffs and lineage through the real API over the whole bundled
// corpus: what a delegate sees when asking "what changed since last year, and
// where did this paragraph come from?".
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/api/app.js';
import type { DiffPair, DiffResponse, LineageResponse, SeriesDetail, SeriesSummary } from '../../server/api/contract.js';
import { SearchWorker } from '../../server/search/search-worker.js';
import { openCorpusCopy } from '../helpers/corpus.js';

const { db } = openCorpusCopy();
afterAll(() => db.close());
// Lazy search: these routes never touch the index, so it is never built.
const app = createApp({ db, search: SearchWorker.lazy({ dbFile: db.name }) });

async function get<T>(url: string): Promise<{ status: number; body: T }> {
  const res = await app.request(url);
  return { status: res.status, body: (await res.json()) as T };
}

const edits = (p: DiffPair) => p.changes.filter((c) => c.type !== 'equal');
const joined = (p: DiffPair, type: 'insert' | 'delete') => edits(p).filter((c) => c.type === type).map((c) => c.text).join('');

describe('GET /api/series', () => {
  it('groups 57/173, 62/175, 69/197 and the AKN versions into one Chinese series, by date, without a 79th-session version', async () => {
    const { status, body } = await get<{ series: SeriesSummary[] }>('/api/series?language=zh');
    expect(status).toBe(200);
    const crime = body.series.find((s) => s.documents.some((d) => d.symbol === 'A/RES/80/229'))!;
    expect(crime.title).toBe('加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力');
    expect(crime.documents.map((d) => d.symbol)).toEqual([
      'A/RES/57/173',
      'A/RES/62/175',
      'A/RES/69/197',
      'A/RES/75/196',
      'A/RES/76/187',
      'A/RES/77/237',
      'A/RES/78/229',
      'A/RES/80/229',
    ]);
    const dates = crime.documents.map((d) => d.date!);
    expect([...dates].sort()).toEqual(dates);
    // The missing 79th session is a known gap (the corpus holds session 79), the
    // older ones are holes in the corpus.
    expect(crime.gaps.find((g) => g.sessions.includes(79))).toEqual({ after: 'A/RES/78/229', before: 'A/RES/80/229', sessions: [79], known: true });
    expect(crime.gaps.filter((g) => g.sessions.includes(60))[0].known).toBe(false);
    // Each AKN version's preamble recalls the previous one.
    expect(crime.documents.slice(4).every((d) => d.recallsPrevious)).toBe(true);
    expect(body.series.every((s) => s.language === 'zh')).toBe(true);
  });

  it('keeps the English series apart, from 75/196', async () => {
    const { body } = await get<{ series: SeriesSummary[] }>('/api/series?language=en');
    const crime = body.series.find((s) => s.documents.some((d) => d.symbol === 'A/RES/80/229'))!;
    expect(crime.documents.map((d) => d.symbol)).toEqual(['A/RES/75/196', 'A/RES/76/187', 'A/RES/77/237', 'A/RES/78/229', 'A/RES/80/229']);
  });

  it('gives one series with each version’s paragraph counts', async () => {
    const { status, body } = await get<{ series: SeriesDetail }>('/api/series/a-res-75-196-en');
    expect(status).toBe(200);
    const v80 = body.series.documents.find((d) => d.symbol === 'A/RES/80/229')!;
    expect(v80.counts.preamble).toBeGreaterThan(50);
    expect(v80.counts.operative).toBe(79);
  });

  it('answers 404 for an unknown series and 400 for a bad language', async () => {
    expect((await get('/api/series/no-such-series')).status).toBe(404);
    const bad = await get<{ error: string }>('/api/series?language=xx');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/language/);
  });
});

describe('GET /api/diff: 78/229 → 80/229', () => {
  let en: DiffResponse;
  let zh: DiffResponse;
  const pairFrom = (d: DiffResponse, id: string) => d.pairs.find((p) => p.from.includes(id))!;
  const pairTo = (d: DiffResponse, id: string) => d.pairs.find((p) => p.to.includes(id))!;

  it('answers with both documents, pairs and stats', async () => {
    const r = await get<DiffResponse>('/api/diff?from=a-res-78-229-en&to=a-res-80-229-en');
    expect(r.status).toBe(200);
    en = r.body;
    zh = (await get<DiffResponse>('/api/diff?from=a-res-78-229-zh&to=a-res-80-229-zh')).body;
    expect(en.from.symbol).toBe('A/RES/78/229');
    expect(en.to.symbol).toBe('A/RES/80/229');
    const { carriedOver, routineOnly, moved, ...kinds } = en.stats;
    expect(Object.values(kinds).reduce((a, b) => a + b, 0)).toBe(en.pairs.length);
    expect(carriedOver).toBeGreaterThan(0.6);
    expect(carriedOver).toBeLessThan(1);
    expect(routineOnly).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(0);
  });

  it('has six kinds and moved as a flag; every count is what it says', () => {
    for (const d of [en, zh]) {
      for (const k of ['unchanged', 'modified', 'added', 'removed', 'split', 'merged'] as const) expect(d.stats[k]).toBe(d.pairs.filter((p) => p.kind === k).length);
      expect(d.stats.moved).toBe(d.pairs.filter((p) => p.moved).length);
      expect(d.stats.routineOnly).toBe(d.pairs.filter((p) => p.routineOnly).length);
      // An unchanged pair shows no change; a routine-only pair shows only routine ones.
      for (const p of d.pairs.filter((q) => q.kind === 'unchanged')) expect(edits(p)).toEqual([]);
      for (const p of d.pairs.filter((q) => q.routineOnly)) expect(edits(p).length > 0 && edits(p).every((c) => c.routine)).toBe(true);
      expect(d.pairs.filter((p) => p.moved && (p.kind === 'added' || p.kind === 'removed'))).toEqual([]);
    }
    // Moved pairs whose text changed are modified and moved: OP 27 → OP 23 (session and theme).
    expect(pairFrom(en, 'a-res-78-229-en.op27')).toMatchObject({ kind: 'modified', moved: true, to: ['a-res-80-229-en.op23'] });
  });

  it('refuses a weak pairing that would be a move: UNCAC\'s 20th anniversary is not UNTOC\'s 25th (PP 28, PP 10)', () => {
    for (const [d, l] of [[en, 'en'], [zh, 'zh']] as const) {
      expect(pairFrom(d, `a-res-78-229-${l}.pp28`)).toMatchObject({ kind: 'removed', to: [] });
      expect(pairTo(d, `a-res-80-229-${l}.pp10`)).toMatchObject({ kind: 'added', from: [] });
    }
    // No pair that changed place stands on a weak score.
    for (const d of [en, zh]) expect(d.pairs.filter((p) => p.moved && (p.kind === 'modified' || p.kind === 'unchanged') && p.similarity < 0.5)).toEqual([]);
  });

  it('gives the same pairs by paragraph in Chinese and English', () => {
    const key = (d: DiffResponse, p: DiffPair) => `${p.from.map((id) => id.replace(d.from.id, '')).join('+')}>${p.to.map((id) => id.replace(d.to.id, '')).join('+')}`;
    const a = new Set(en.pairs.map((p) => key(en, p)));
    const b = new Set(zh.pairs.map((p) => key(zh, p)));
    const both = [...a].filter((k) => b.has(k)).length;
    expect(both / new Set([...a, ...b]).size).toBeGreaterThanOrEqual(0.97);
  });

  it('counts the house-style "parties → Parties" as an editorial change, never as unchanged', () => {
    const p = pairFrom(en, 'a-res-78-229-en.pp37');
    expect(p).toMatchObject({ kind: 'modified', routineOnly: true });
    expect(edits(p).filter((c) => c.editorial).map((c) => c.text)).toEqual(['parties', 'Parties']);
  });

  it('treats the latest symbol added to a recall list as routine (PP 1)', () => {
    for (const d of [en, zh]) expect(pairFrom(d, `${d.from.id}.pp1`).routineOnly).toBe(true);
    expect(joined(pairFrom(en, 'a-res-78-229-en.pp1'), 'insert')).toMatch(/and 78\/229 of 19\sDecember 2023$/);
  });

  it('keeps numbers and symbols whole in the Chinese character diff', () => {
    for (const p of zh.pairs) {
      const cs = p.changes;
      cs.forEach((c, i) => {
        if (c.type === 'equal') return;
        // No edit starts or ends inside a run of digits.
        const before = cs.slice(0, i).filter((x) => x.type === 'equal' || x.type === c.type).at(-1)?.text ?? '';
        const after = cs.slice(i + 1).find((x) => x.type === 'equal' || x.type === c.type)?.text ?? '';
        expect(/\d$/.test(before) && /^\d/.test(c.text), `${c.text} after ${before.slice(-5)}`).toBe(false);
        expect(/\d$/.test(c.text) && /^\d/.test(after), `${c.text} before ${after.slice(0, 5)}`).toBe(false);
      });
    }
  });

  it('does not count renumbering as a change', () => {
    const p = pairFrom(en, 'a-res-78-229-en.op40');
    expect(p).toMatchObject({ kind: 'unchanged', to: ['a-res-80-229-en.op32'], fromLabels: ['OP 40'], toLabels: ['OP 32'] });
    expect(edits(p)).toEqual([]);
  });

  it('marks the session in the renumbered closing paragraph as a routine update', () => {
    const p = pairFrom(en, 'a-res-78-229-en.op93');
    expect(p.to).toEqual(['a-res-80-229-en.op79']);
    expect(p.kind).toBe('modified');
    expect(p.routineOnly).toBe(true);
    expect(edits(p)).toEqual([
      { type: 'delete', text: 'eightieth', routine: true },
      { type: 'insert', text: 'eighty-second', routine: true },
    ]);
    // OP 1's reaffirmed resolution moves on by one version: routine too.
    const op1 = pairFrom(en, 'a-res-78-229-en.op1');
    expect([joined(op1, 'delete'), joined(op1, 'insert'), op1.routineOnly]).toEqual(['77/237', '78/229', true]);
  });

  it('shows a reworded paragraph as modified with the substantive change', () => {
    const p = pairFrom(en, 'a-res-78-229-en.op45');
    expect(p).toMatchObject({ kind: 'modified', to: ['a-res-80-229-en.op36'], routineOnly: false });
    expect(edits(p).map((c) => [c.type, c.text.trim(), c.routine])).toEqual([
      ['delete', 'Calls', false],
      ['insert', 'Also calls', false],
    ]);
  });

  it('diffs Chinese by character', () => {
    // The Chinese text was revised where the English was not: 年青 → 青年 (youth).
    const p = pairFrom(zh, 'a-res-78-229-zh.pp17');
    expect(p.kind).toBe('modified');
    expect(edits(p).map((c) => [c.type, c.text])).toEqual([
      ['delete', '年青'],
      ['insert', '青年'],
    ]);
    const op1 = pairFrom(zh, 'a-res-78-229-zh.op1');
    expect(op1.routineOnly).toBe(true);
    expect(edits(op1).every((c) => c.routine && /^[\d/]+$/.test(c.text))).toBe(true);
  });

  it('finds the merges, including an operative paragraph folded into the preamble', () => {
    for (const [d, l] of [[en, 'en'], [zh, 'zh']] as const) {
      expect(pairTo(d, `a-res-80-229-${l}.pp11`)).toMatchObject({ kind: 'merged', from: [`a-res-78-229-${l}.pp12`, `a-res-78-229-${l}.op8`] });
      expect(pairTo(d, `a-res-80-229-${l}.op35`)).toMatchObject({ kind: 'merged', from: [`a-res-78-229-${l}.op43`, `a-res-78-229-${l}.op44`] });
    }
  });

  it('finds the moved, added and removed paragraphs', () => {
    for (const [d, l] of [[en, 'en'], [zh, 'zh']] as const) {
      // The illicit-trafficking paragraph went from PP 9 to PP 70; OP 11 to OP 67.
      expect(pairFrom(d, `a-res-78-229-${l}.pp9`)).toMatchObject({ moved: true, to: [`a-res-80-229-${l}.pp70`] });
      expect(pairFrom(d, `a-res-78-229-${l}.op11`)).toMatchObject({ moved: true, to: [`a-res-80-229-${l}.op67`] });
      // New: the recall of resolution 78/267; gone: the reaffirmation of the 2030 Agenda (OP 2).
      expect(pairTo(d, `a-res-80-229-${l}.pp15`)).toMatchObject({ kind: 'added', from: [] });
      expect(pairFrom(d, `a-res-78-229-${l}.op2`)).toMatchObject({ kind: 'removed', to: [] });
    }
  });

  it('answers 404 for an unknown document and 400 for a bad query', async () => {
    const missing = await get<{ error: string }>('/api/diff?from=a-res-78-229-en&to=no-such-doc');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatch(/no-such-doc/);
    expect((await get('/api/diff?from=a-res-78-229-en')).status).toBe(400);
    expect((await get('/api/diff?from=&to=a-res-80-229-en')).status).toBe(400);
    expect((await get('/api/diff?from=a-res-80-229-en&to=a-res-80-229-en')).status).toBe(400);
  });
});

describe('GET /api/paragraphs/:id/lineage', () => {
  it('goes back from 80/229 through 78/229, 77/237, 76/187, 75/196 to the seeds', async () => {
    const { status, body } = await get<LineageResponse>('/api/paragraphs/a-res-80-229-zh.op32/lineage');
    expect(status).toBe(200);
    expect(body.series?.id).toBe('a-res-57-173-zh');
    expect(body.ancestors.map((a) => [a.document.symbol, a.paragraphs.map((p) => p.label)])).toEqual([
      ['A/RES/78/229', ['OP 40']],
      ['A/RES/77/237', ['OP 38']],
      ['A/RES/76/187', ['OP 37']],
      ['A/RES/75/196', ['OP 32']],
      ['A/RES/69/197', ['OP 51']],
    ]);
    expect(body.firstAppeared).toMatchObject({ document: { symbol: 'A/RES/69/197' }, oldestInCorpus: false });
    expect(body.document).toMatchObject({ id: 'a-res-80-229-zh', symbol: 'A/RES/80/229' });
  });

  it('claims no more than the corpus shows: 69/197 is "at least as old as" while sessions 63–68 are missing', async () => {
    const { body } = await get<LineageResponse>('/api/paragraphs/a-res-80-229-zh.op6/lineage');
    expect(body.firstAppeared).toMatchObject({
      document: { symbol: 'A/RES/69/197' },
      oldestInCorpus: false,
      exact: false,
      missingSessions: [63, 64, 65, 66, 67, 68],
    });
  });

  it('says when a paragraph first appeared', async () => {
    const { body } = await get<LineageResponse>('/api/paragraphs/a-res-80-229-en.op79/lineage');
    expect(body.ancestors.map((a) => a.document.symbol)).toEqual(['A/RES/78/229']);
    expect(body.ancestors[0].routineOnly).toBe(true);
    expect(body.firstAppeared).toMatchObject({ document: { symbol: 'A/RES/78/229' }, paragraphIds: ['a-res-78-229-en.op93'], oldestInCorpus: false });
    // 77/237, the version before 78/229, is in the corpus and lacks it.
    expect(body.firstAppeared).toMatchObject({ exact: true, missingSessions: [] });
  });

  it('answers 404 for an unknown paragraph', async () => {
    expect((await get('/api/paragraphs/a-res-80-229-en.op999/lineage')).status).toBe(404);
  });
});
