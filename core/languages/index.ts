// The six official languages: their profiles, and telling which one a text is in.
import { LANGUAGES, type Language } from '../model.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import type { LanguageProfile } from './profile.js';
import { ru } from './ru.js';
import { scriptCounts } from './script.js';
import { zh } from './zh.js';

export type { LanguageProfile, LeadEmphasis, Script } from './profile.js';
export { isCjk, isCjkCode, isCjkCore, isHan, scriptCounts } from './script.js';

export const PROFILES: Record<Language, LanguageProfile> = { ar, zh, en, fr, ru, es };

export function isLanguage(code: string): code is Language {
  return (LANGUAGES as readonly string[]).includes(code);
}

/** The profile of a language code; English for a code that is not a UN language. */
export function profileOf(code: string): LanguageProfile {
  return isLanguage(code) ? PROFILES[code] : en;
}

/** Chinese is compared, diffed and joined by character; the others by word. */
export function isCharacterLanguage(code: string): boolean {
  return profileOf(code).unit === 'character';
}

const LATIN_LANGUAGES = (Object.values(PROFILES) as LanguageProfile[]).filter((p) => p.script === 'Latin');
const FUNCTION_WORDS = new Map(LATIN_LANGUAGES.map((p) => [p.code, new Set(p.functionWords)]));

/**
 * The language of a text, from its script and, for Latin script, from the
 * function words it uses. English for a Latin text with no telling words (a
 * symbol, a name), and for a text with no letters at all.
 */
export function detectLanguage(text: string): Language {
  const sample = text.slice(0, 2000);
  const { han, arabic, cyrillic, latin } = scriptCounts(sample);
  // A Han character carries about as much as a short Latin word: weigh it up so
  // "A/RES/57/173" inside a Chinese paragraph does not make it English.
  const best = Math.max(han * 3, arabic, cyrillic, latin);
  if (best === 0) return 'en';
  if (best === han * 3) return 'zh';
  if (best === arabic) return 'ar';
  if (best === cyrillic) return 'ru';
  const score = new Map<Language, number>(LATIN_LANGUAGES.map((p) => [p.code, 0]));
  for (const word of sample.toLowerCase().split(/[^\p{L}]+/u)) {
    for (const [code, words] of FUNCTION_WORDS) if (words.has(word)) score.set(code, score.get(code)! + 1);
  }
  const en = score.get('en')!;
  const fr = score.get('fr')!;
  const es = score.get('es')!;
  if (fr > en && fr >= es) return 'fr';
  if (es > en && es > fr) return 'es';
  return 'en';
}

/** The body's name in a language; unknown bodies are printed as given. */
export function localizedBody(language: Language, body: string): string {
  return PROFILES[language].bodies[body] ?? body;
}

/** Back from a body's name in any language to the English one the store keeps. */
export function englishBody(text: string): string {
  const t = text.trim();
  for (const profile of Object.values(PROFILES)) {
    for (const [english, local] of Object.entries(profile.bodies)) if (local === t) return english;
  }
  return t;
}

/**
 * The formula folded the way typed or converted text varies it: article,
 * apostrophe, accents and Arabic vowel signs (إنّ), comma, spaces.
 */
function foldFormula(line: string): string {
  return line
    .trim()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/^(?:the|ان)\s+/iu, '')
    .replace(/[’']/g, "'")
    .replace(/\s*[,，،]\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const FORMULAS = new Map((Object.values(PROFILES) as LanguageProfile[]).map((p) => [foldFormula(p.formula), p.code]));

/** The language whose enacting formula ("The General Assembly,", "大会，" …) a line is; null if it is none. */
export function formulaLanguage(line: string): Language | null {
  if (!/[,，،]\s*$/u.test(line)) return null;
  return FORMULAS.get(foldFormula(line)) ?? null;
}
