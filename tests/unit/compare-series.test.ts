// Series grouping on hand-made document lists: titles, recalls, gaps; the
// corrections the server hands the compare service at start-up; and the
// grouping done ahead in a worker thread, taken only while the corpus is as
// it read it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../core/model.js';
import { citedSymbols, groupSeries, normaliseTitle } from '../../server/compare/series.js';
import { warmSeries } from '../../server/compare/series-warm.js';
import { adoptSeries, listSeries, setSeriesOverrides } from '../../server/compare/service.js';
import { corpusVersion, upsertDocument } from '../../server/store/corpus.js';
import { openDb } from '../../server/store/db.js';

const doc = (symbol: string, title: string, date: string, language = 'en') => ({
  id: `${symbol.toLowerCase().replace(/\//g, '-')}-${language}`,
  symbol,
  title,
  language: language as 'en',
  kind: 'resolution' as const,
  session: Number(symbol.split('/')[2]),
  date,
});
const CRIME = 'Strengthening the United Nations crime prevention and criminal justice programme, in particular its technical cooperation capacity';

describe('groupSeries', () => {
  const docs = [
    doc('A/RES/78/229', CRIME, '2023-12-19'),
    doc('A/RES/80/229', CRIME, '2025-12-18'),
    doc('A/RES/77/237', 'Strengthening the United Nations Crime Prevention and Criminal Justice Programme, in particular its technical cooperation capacity', '2022-12-15'),
    // A reworded title, joined only because 78/100 recalls it.
    doc('A/RES/77/50', 'Promoting the rule of law at the national level', '2022-12-07'),
    doc('A/RES/78/100', 'Promoting the rule of law at the national and international levels', '2023-12-07'),
    // Same words as a title elsewhere would not be enough without a recall.
    doc('A/RES/78/101', 'Rule of law at the international level', '2023-12-07'),
    doc('A/RES/79/1', 'Something else entirely', '2024-10-01'),
    doc('A/RES/80/5', 'Something else again', '2025-10-01'),
  ];
  const preambles = new Map([
    ['a-res-80-229-en', 'Reaffirming its resolutions 76/187 of 16 December 2021, 77/237 of 15 December 2022 and 78/229 of 19 December 2023,'],
    ['a-res-78-229-en', 'Reaffirming its resolution 77/237 of 15 December 2022,'],
    ['a-res-78-100-en', 'Recalling its resolution 77/50 of 7 December 2022,'],
  ]);
  const series = groupSeries(docs, preambles);

  it('groups by normalised title, ordered by date, without inventing the missing version', () => {
    const crime = series.find((s) => s.documents.some((d) => d.symbol === 'A/RES/80/229'))!;
    expect(crime.documents.map((d) => d.symbol)).toEqual(['A/RES/77/237', 'A/RES/78/229', 'A/RES/80/229']);
    expect(crime.documents.map((d) => d.recallsPrevious)).toEqual([false, true, true]);
    expect(crime.id).toBe('a-res-77-237-en');
  });

  it('knows a gap is real when the corpus holds that session', () => {
    const crime = series.find((s) => s.id === 'a-res-77-237-en')!;
    expect(crime.gaps).toEqual([{ after: 'A/RES/78/229', before: 'A/RES/80/229', sessions: [79], known: true }]);
    const withoutSession79 = groupSeries(docs.filter((d) => d.session !== 79), preambles).find((s) => s.id === 'a-res-77-237-en')!;
    expect(withoutSession79.gaps[0].known).toBe(false);
  });

  it('joins a reworded title when the preamble recalls the earlier version', () => {
    const rule = series.find((s) => s.documents.some((d) => d.symbol === 'A/RES/78/100'))!;
    expect(rule.documents.map((d) => d.symbol)).toEqual(['A/RES/77/50', 'A/RES/78/100']);
    expect(series.some((s) => s.documents.some((d) => d.symbol === 'A/RES/78/101'))).toBe(false);
  });

  it('keeps single resolutions and each language apart', () => {
    expect(series).toHaveLength(2);
    const zh = groupSeries([...docs, doc('A/RES/78/229', '加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力', '2023-12-19', 'zh')], preambles);
    expect(zh.filter((s) => s.language === 'zh')).toHaveLength(0);
  });

  it('never puts two resolutions of one session in a series, even when one recalls the other', () => {
    const crimea = [
      doc('A/RES/77/50', 'Problem of the militarization of Crimea and Sevastopol, Ukraine', '2022-12-07'),
      doc('A/RES/77/229', 'Situation of human rights in Crimea and Sevastopol, Ukraine', '2022-12-15'),
      doc('A/RES/78/221', 'Situation of human rights in Crimea and Sevastopol, Ukraine', '2023-12-19'),
    ];
    const found = groupSeries(crimea, new Map([['a-res-77-229-en', 'Recalling its resolution 77/50 of 7 December 2022,']]));
    expect(found.map((s) => s.documents.map((d) => d.symbol))).toEqual([['A/RES/77/229', 'A/RES/78/221']]);
  });

  it('honours manifest overrides', () => {
    const joined = groupSeries(docs, preambles, { join: [['A/RES/79/1', 'A/RES/80/5']], exclude: ['A/RES/77/237'] });
    expect(joined.find((s) => s.documents[0].symbol === 'A/RES/79/1')?.documents).toHaveLength(2);
    expect(joined.find((s) => s.documents.some((d) => d.symbol === 'A/RES/80/229'))!.documents[0].symbol).toBe('A/RES/78/229');
  });
});

describe('title and symbol helpers', () => {
  it('normalises a numbered Chinese title and width variants', () => {
    expect(normaliseTitle('57/173. 加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力')).toBe(normaliseTitle('加强联合国预防犯罪和刑事司法方案, 特别是其技术合作能力'));
  });
  it('reads cited symbols from Chinese and English preambles', () => {
    expect([...citedSymbols('重申其 2021年12月16日第 76/187 号和 2022年12月15日第 77/237 号决议，')]).toEqual(['76/187', '77/237']);
    expect([...citedSymbols('see A/RES/78/229 and E/CN.15/2024/2')]).toEqual(['78/229']);
  });
});

describe('series corrections handed to the compare service', () => {
  const stored = (session: number): ParsedDocument => ({
    symbol: `A/RES/${session}/1`, title: 'Strengthening the rule of law', language: 'en', kind: 'resolution', body: 'General Assembly',
    session, date: `${2000 + session - 55}-12-18`, source: 'test',
    paragraphs: [{ section: 'operative', number: 1, label: 'OP 1', lead: '', text: 'Calls upon Member States to strengthen judicial independence;', footnotes: [], items: [] }],
  });

  it('groups automatically without them, and applies them once set', () => {
    const db = openDb(':memory:');
    upsertDocument(db, stored(78), 'h78');
    upsertDocument(db, stored(79), 'h79');
    expect(listSeries(db).map((s) => s.documents.length)).toEqual([2]);
    setSeriesOverrides(db, { exclude: ['A/RES/79/1'] });
    expect(listSeries(db)).toEqual([]);
  });
});

describe('series grouped ahead, in a worker thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'precedent-series-warm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const stored = (session: number, title = 'Strengthening the rule of law'): ParsedDocument => ({
    symbol: `A/RES/${session}/7`, title, language: 'en', kind: 'resolution', body: 'General Assembly',
    session, date: `${2000 + session - 55}-12-18`, source: 'test',
    paragraphs: [{ section: 'operative', number: 1, label: 'OP 1', lead: '', text: 'Calls upon Member States to strengthen judicial independence;', footnotes: [], items: [] }],
  });

  it('fills the cache with what grouping here would give, with the corrections applied', async () => {
    const db = openDb(join(dir, 'warm.db'));
    for (const session of [77, 78, 79]) upsertDocument(db, stored(session), `h${session}`);
    upsertDocument(db, stored(80, 'Something else entirely'), 'h80');
    setSeriesOverrides(db, { exclude: ['A/RES/77/7'] });
    expect((await warmSeries(db))?.cached).toBe(true);
    const warmed = listSeries(db);
    expect(warmed.map((s) => s.documents.map((d) => d.symbol))).toEqual([['A/RES/78/7', 'A/RES/79/7']]);
    // The same as grouping on this thread.
    setSeriesOverrides(db, { exclude: ['A/RES/77/7'] });
    expect(listSeries(db)).toEqual(warmed);
    db.close();
  });

  it('is not taken when the corpus changed while it was grouped', async () => {
    const db = openDb(join(dir, 'moved.db'));
    upsertDocument(db, stored(78), 'h78');
    const before = corpusVersion(db);
    upsertDocument(db, stored(79), 'h79');
    expect(adoptSeries(db, before, [])).toBe(false);
    expect(listSeries(db).map((s) => s.documents.length)).toEqual([2]);
    db.close();
  });
});
