// Builds the lead lexicons of the six languages from the UN's own AKN files: their markup sets each paragraph's opening phrase in emphasis
// and says whether the paragraph is preambular or operative, so the phrases the
// UN actually uses can be counted rather than guessed. Writes
// core/languages/leads/<lang>.ts, which the language profiles import (Chinese
// and English add them to the phrases they list by hand).
//
//   npx tsx scripts/lead-lexicons.ts [unxml-dir]    (default: $PRECEDENT_SHARED/unxml or ../shared/unxml)
//
// A phrase is kept when at least MIN_DOCUMENTS resolutions open a paragraph of
// that part with it: one resolution's odd emphasis is not the language's usage.
// A phrase of one resolution only is kept when it varies a kept one (same head
// verb: "Prend note avec intérêt" beside "Prend note"), so the rarer but regular
// forms are there while a heading set in italics ("Sûreté et sécurité
// maritimes …") or a section number ("أولا") is not.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Language } from '../core/model.js';
import { importAkn } from '../server/ingest/akn/index.js';
import { config, ROOT } from '../server/config.js';

const MIN_DOCUMENTS = 2;
/** A longer emphasised run is a heading or a quoted title, not a lead. */
const MAX_WORDS = 7;
const LANGUAGES: Language[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
/** A longer Chinese run is a phrase of the text set in bold, not a lead. */
const MAX_CHINESE_CHARS = 10;
const PARTS = ['preamble', 'operative'] as const;

function xmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return xmlFiles(path);
    return name.endsWith('.xml') ? [path] : [];
  });
}

/** A lead as the lexicon keeps it: one space between words, nothing after it that opens or ends a clause ("确认《" is 确认). */
function tidy(lead: string): string {
  return lead.replace(/\s+/g, ' ').replace(/[\s,،:;؛，：《“"'(（「『]+$/u, '').trim();
}

interface Tally {
  documents: Set<string>;
  uses: number;
}

const dir = resolve(process.argv[2] ?? join(config.sharedDir, 'unxml'));
const tallies = new Map<string, Tally>();
const paragraphs = new Map<string, number>();
const documents = new Map<Language, number>();
for (const file of xmlFiles(dir)) {
  const { documents: docs } = importAkn(readFileSync(file, 'utf8'), relative(dir, file));
  for (const doc of docs) {
    if (!LANGUAGES.includes(doc.language)) continue;
    documents.set(doc.language, (documents.get(doc.language) ?? 0) + 1);
    for (const p of doc.paragraphs) {
      if (p.section !== 'preamble' && p.section !== 'operative') continue;
      const part = `${doc.language} ${p.section}`;
      paragraphs.set(part, (paragraphs.get(part) ?? 0) + 1);
      // The Chinese files sometimes embolden the object's 其 ("its") with the verb: 回顾其 is 回顾.
      const lead = doc.language === 'zh' ? tidy(p.lead).replace(/其$/u, '') : tidy(p.lead);
      const long = doc.language === 'zh' ? lead.length > MAX_CHINESE_CHARS : lead.split(' ').length > MAX_WORDS;
      if (!lead || long || !p.text.startsWith(lead)) continue;
      const key = `${part}\t${lead}`;
      const t = tallies.get(key) ?? { documents: new Set(), uses: 0 };
      t.documents.add(`${doc.symbol ?? file}`);
      t.uses += 1;
      tallies.set(key, t);
    }
  }
}

/** The verb a lead is built on: its first word, with the next one after a particle ("Se félicitant", "وإذ تشير", "с удовлетворением"). */
function head(lead: string): string {
  const words = lead.split(' ');
  return words[0].length <= 3 && words.length > 1 ? words.slice(0, 2).join(' ') : words[0];
}

/** A kept lead followed by nothing but a preposition ("وإذ تشير إلى", "Recordando a"): the preposition belongs to the text. */
function endsInParticle(lead: string, kept: Set<string>): boolean {
  const cut = lead.lastIndexOf(' ');
  return cut > 0 && kept.has(lead.slice(0, cut)) && lead.length - cut - 1 <= 3;
}

/** A list as the profiles write one: single quotes, several to a line. */
function formatList(items: string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const item of items.map((i) => `'${i.replace(/'/g, "\\'")}',`)) {
    if (line && line.length + item.length + 1 > 104) {
      lines.push(line);
      line = '';
    }
    line += (line ? ' ' : '') + item;
  }
  if (line) lines.push(line);
  return `[\n${lines.map((l) => `    ${l}`).join('\n')}\n  ]`;
}

for (const language of LANGUAGES) {
  const lists: Record<string, string[]> = {};
  const lines: string[] = [];
  for (const part of PARTS) {
    const found = [...tallies]
      .filter(([key]) => key.startsWith(`${language} ${part}\t`))
      .map(([key, t]) => ({ lead: key.split('\t')[1], uses: t.uses, documents: t.documents.size }));
    const frequent = new Set(found.filter((f) => f.documents >= MIN_DOCUMENTS).map((f) => f.lead));
    const heads = new Set([...frequent].map(head));
    const kept = found
      .filter((f) => frequent.has(f.lead) || (f.lead.split(' ').length <= 5 && heads.has(head(f.lead)) && !endsInParticle(f.lead, frequent)))
      .sort((a, b) => b.uses - a.uses || a.lead.localeCompare(b.lead, language));
    lists[part] = kept.map((k) => k.lead);
    const covered = kept.reduce((n, k) => n + k.uses, 0);
    const total = paragraphs.get(`${language} ${part}`) ?? 0;
    lines.push(`${part}: ${kept.length} phrases, opening ${covered} of the ${total} paragraphs`);
  }
  const out = join(ROOT, 'core/languages/leads', `${language}.ts`);
  writeFileSync(
    out,
    [
      `// Lead phrases of the ${language} profile, most frequent first: generated by`,
      `// scripts/lead-lexicons.ts from the UN's AKN files (${documents.get(language) ?? 0} resolutions); do not edit by hand.`,
      `// Kept: phrases that open paragraphs of the part in at least ${MIN_DOCUMENTS} resolutions, and variants of those.`,
      ...lines.map((l) => `//   ${l}`),
      `export const leads = {`,
      `  preamble: ${formatList(lists.preamble)},`,
      `  operative: ${formatList(lists.operative)},`,
      `};`,
      '',
    ].join('\n'),
  );
  console.log(`${language}: ${lines.join('; ')} → ${relative(ROOT, out)}`);
}
