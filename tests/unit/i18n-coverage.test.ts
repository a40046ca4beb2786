// The interface has no untranslated string: every key of the English
// resources exists, non-empty, in the other five languages, with the same
// interpolation variables and markup tags, and with every plural form the
// language needs (Intl.PluralRules: Arabic six, Russian four, Chinese one);
// no language keeps a key English lacks; and every key the web app's source
// asks for (t('…'), i18nKey="…", keys built from a template) exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../core/model.js';
import { LOCALES, type Messages } from '../../web/i18n/locales/index.js';
import { ROOT } from '../helpers/paths.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** "a.b.c" → string, for every leaf. */
function flatten(messages: Messages, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) for (const [k, v] of flatten(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

/** What a string must carry into every language: its {{variables}} and its <tags>. */
function placeholders(text: string): string[] {
  const vars = [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => `{{${m[1]}}}`);
  const tags = [...text.matchAll(/<\/?(\w+)\s*\/?>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...vars, ...tags])].sort();
}

const english = flatten(LOCALES.en);
/** English keys by base: plural ones ("panel.count" from panel.count_one/_other) and plain ones. */
const pluralBases = new Map<string, string[]>();
const plainKeys: string[] = [];
for (const key of english.keys()) {
  const m = PLURAL.exec(key);
  if (m) {
    const base = key.slice(0, m.index);
    pluralBases.set(base, [...(pluralBases.get(base) ?? []), key]);
  } else plainKeys.push(key);
}

describe('every interface string in the six languages', () => {
  it('English itself: every string is non-empty', () => {
    for (const [key, value] of english) expect(typeof value === 'string' && value.trim() !== '', key).toBe(true);
  });

  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    describe(language, () => {
      const messages = flatten(LOCALES[language]);
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

      it('has every English key, non-empty, with the same variables and tags', () => {
        const problems: string[] = [];
        for (const key of plainKeys) {
          const value = messages.get(key);
          if (typeof value !== 'string' || value.trim() === '') problems.push(`${key}: missing or empty`);
          else if (placeholders(value).join() !== placeholders(english.get(key) as string).join())
            problems.push(`${key}: ${placeholders(value).join(' ')} ≠ English ${placeholders(english.get(key) as string).join(' ')}`);
        }
        expect(problems).toEqual([]);
      });

      it(`has every plural form ${language} needs (${categories.join(', ')}), each with the English variables`, () => {
        const problems: string[] = [];
        for (const [base, forms] of pluralBases) {
          // The variables of the English "other" form, count aside: a form may spell one or two out ("فقرتان").
          const englishOther = placeholders(english.get(`${base}_other`) as string);
          const expected = englishOther.filter((p) => p !== '{{count}}');
          for (const category of categories) {
            const value = messages.get(`${base}_${category}`);
            if (typeof value !== 'string' || value.trim() === '') {
              problems.push(`${base}_${category}: missing or empty`);
              continue;
            }
            const found = placeholders(value);
            if (found.filter((p) => p !== '{{count}}').join() !== expected.join()) problems.push(`${base}_${category}: ${found.join(' ')} ≠ English ${expected.join(' ')}`);
            // Forms for numbers beyond two must say which number, when English does.
            if (englishOther.includes('{{count}}') && ['few', 'many', 'other'].includes(category) && !found.includes('{{count}}')) problems.push(`${base}_${category}: says no {{count}}`);
          }
          expect(forms.length, base).toBeGreaterThan(0);
        }
        expect(problems).toEqual([]);
      });

      it('keeps no key English lacks', () => {
        const stale = [...messages.keys()].filter((key) => {
          const m = PLURAL.exec(key);
          return m ? !pluralBases.has(key.slice(0, m.index)) : !english.has(key);
        });
        expect(stale).toEqual([]);
      });
    });
  }
});

/** Every .ts/.tsx file under web/, the locale files aside. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith(join('i18n', 'locales')) ? [] : sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('every key the web app asks for exists', () => {
  const files = sources(join(ROOT, 'web'));
  // t('key' …), t("key" …), t(`key.${x}` …), i18nKey="key"
  const uses = files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/\bt\(\s*(['"`])((?:(?!\1).)+)\1|i18nKey=(['"])([^'"]+)\3/g)].map((m) => ({ file: relative(ROOT, file), key: m[2] ?? m[4] }));
  });

  const exists = (key: string) => english.has(key) || pluralBases.has(key);
  /** `kinds.${d.kind}` → every key it can reach: at least one must exist, and each of its siblings in every language (checked above). */
  const pattern = (key: string) => new RegExp(`^${key.split(/\$\{[^}]+\}/).map((s) => s.replace(/[.*+?^()|[\]\\]/g, '\\$&')).join('[^.]+')}$`);

  it('finds the app’s strings (the scan itself works)', () => {
    expect(uses.length).toBeGreaterThan(200);
    expect(uses.some((u) => u.key.includes('${'))).toBe(true);
  });

  it('each literal key is in the English resources', () => {
    const missing = uses.filter((u) => !u.key.includes('${') && !exists(u.key)).map((u) => `${u.file}: ${u.key}`);
    expect(missing).toEqual([]);
  });

  it('each key built from a template reaches keys that exist', () => {
    const keys = [...english.keys(), ...pluralBases.keys()];
    const dead = uses.filter((u) => u.key.includes('${') && !keys.some((k) => pattern(u.key).test(k))).map((u) => `${u.file}: ${u.key}`);
    expect(dead).toEqual([]);
  });

  it('reports the number of strings per language', () => {
    const counts = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(LOCALES[l]).size]));
    console.log(`interface strings: ${plainKeys.length} keys and ${pluralBases.size} plural keys in English; leaves per language:`, counts);
    for (const l of LANGUAGES) expect(counts[l]).toBeGreaterThanOrEqual(plainKeys.length + pluralBases.size);
  });
});
