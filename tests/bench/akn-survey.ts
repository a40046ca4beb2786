// Survey of the AKN corpus: imports every file with importAkn and reports counts,
// errors, timing, and every zh/en pair whose paragraph structure disagrees, with
// the cause read from the source, so source defects can be reported upstream.
// Run: npx tsx tests/bench/akn-survey.ts [dir]   (default ../shared/unxml)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { importAkn } from '../../server/ingest/akn/index.js';
import type { ParsedDocument } from '../../core/model.js';

export function listXml(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listXml(p));
    else if (name.endsWith('.xml')) out.push(p);
  }
  return out.sort();
}

export interface PairMismatch {
  symbol: string;
  zh: string;
  en: string;
  reason: string;
}

/** Compares zh and en versions of each symbol: counts per section and eId lists. */
export function comparePairs(docs: ParsedDocument[]): { pairs: number; mismatches: PairMismatch[] } {
  const bySymbol = new Map<string, Partial<Record<'zh' | 'en', ParsedDocument>>>();
  for (const d of docs) {
    if (!d.symbol || (d.language !== 'zh' && d.language !== 'en')) continue;
    const e = bySymbol.get(d.symbol) ?? {};
    e[d.language] = d;
    bySymbol.set(d.symbol, e);
  }
  let pairs = 0;
  const mismatches: PairMismatch[] = [];
  for (const [symbol, { zh, en }] of bySymbol) {
    if (!zh || !en) continue;
    pairs++;
    const reason = describeMismatch(zh, en);
    if (reason) mismatches.push({ symbol, zh: zh.source, en: en.source, reason });
  }
  return { pairs, mismatches };
}

function counts(d: ParsedDocument): string {
  const c: Record<string, number> = {};
  for (const p of d.paragraphs) c[p.section] = (c[p.section] ?? 0) + 1;
  return Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ');
}

export function describeMismatch(zh: ParsedDocument, en: ParsedDocument): string | null {
  // eIds are what the profile promises to keep equal across languages; the section a
  // paragraph lands in (heading vs operative) follows markup that may legitimately vary.
  // Headings without an eId (section titles) have no cross-language identity: skipped.
  const a = zh.paragraphs.flatMap((p) => (p.eId ? [p.eId] : []));
  const b = en.paragraphs.flatMap((p) => (p.eId ? [p.eId] : []));
  if (a.length === b.length && a.every((x, i) => x === b[i])) return null;
  const sa = new Set(a);
  const sb = new Set(b);
  const onlyZh = a.filter((x) => !sb.has(x));
  const onlyEn = b.filter((x) => !sa.has(x));
  const show = (xs: string[]) => xs.slice(0, 6).join(' ') + (xs.length > 6 ? ` …(+${xs.length - 6})` : '');
  const parts = [`zh [${counts(zh)}] vs en [${counts(en)}]`];
  if (onlyZh.length) parts.push(`only in zh: ${show(onlyZh)}`);
  if (onlyEn.length) parts.push(`only in en: ${show(onlyEn)}`);
  if (!onlyZh.length && !onlyEn.length) {
    const i = a.findIndex((x, k) => x !== b[k]);
    parts.push(`same eIds, order differs from position ${i}: zh ${a[i]} / en ${b[i]}`);
  }
  return parts.join('; ');
}

/** The source markup of the first eId present in one language only, in both files. */
function evidence(zhFile: string, enFile: string, reason: string): string[] {
  const id = /only in (?:zh|en): ([^\s;]+)/.exec(reason)?.[1];
  if (!id) return [];
  const out: string[] = [];
  for (const [lang, f] of [['zh', zhFile], ['en', enFile]] as const) {
    const xml = readFileSync(f, 'utf8');
    const i = xml.indexOf(`eId="${id}"`);
    if (i < 0) {
      out.push(`${lang} source: no element with eId="${id}"`);
      continue;
    }
    const start = xml.lastIndexOf('<', i);
    const snippet = xml.slice(start, start + 220).replace(/\s+/g, ' ');
    out.push(`${lang} source: ${snippet}`);
  }
  return out;
}

function main(): void {
  const dir = path.resolve(process.argv[2] ?? path.resolve(process.cwd(), '../shared/unxml'));
  const files = listXml(dir);
  const started = performance.now();
  const docs: ParsedDocument[] = [];
  const errors: string[] = [];
  let warnings = 0;
  for (const f of files) {
    const rel = path.relative(dir, f);
    try {
      const r = importAkn(readFileSync(f, 'utf8'), rel);
      docs.push(...r.documents);
      warnings += r.warnings.length;
      for (const w of r.warnings) console.log(`warning: ${w}`);
    } catch (e) {
      errors.push(`${rel}: ${(e as Error).message}`);
    }
  }
  const ms = performance.now() - started;
  const byLang = new Map<string, { docs: number; paras: number; bySection: Record<string, number> }>();
  for (const d of docs) {
    const e = byLang.get(d.language) ?? { docs: 0, paras: 0, bySection: {} };
    e.docs++;
    e.paras += d.paragraphs.length;
    for (const p of d.paragraphs) e.bySection[p.section] = (e.bySection[p.section] ?? 0) + 1;
    byLang.set(d.language, e);
  }
  console.log(`directory: ${dir}`);
  console.log(`files: ${files.length}, documents: ${docs.length}, warnings: ${warnings}, errors: ${errors.length}`);
  for (const e of errors) console.log(`  error: ${e}`);
  console.log('by language:');
  for (const [lang, e] of [...byLang].sort()) {
    console.log(`  ${lang}: ${e.docs} documents, ${e.paras} paragraphs (${Object.entries(e.bySection).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  }
  console.log(`import time: ${(ms / 1000).toFixed(1)} s (read + parse + build)`);
  const { pairs, mismatches } = comparePairs(docs);
  console.log(`zh/en pairs: ${pairs}, mismatching: ${mismatches.length}`);
  for (const m of mismatches) {
    console.log(`  ${m.symbol}\n    ${m.zh}\n    ${m.en}\n    ${m.reason}`);
    for (const line of evidence(path.join(dir, m.zh), path.join(dir, m.en), m.reason)) console.log(`    ${line}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('akn-survey.ts')) main();
