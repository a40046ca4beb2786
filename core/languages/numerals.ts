// Numbers as citations spell them in words: Roman numerals of sections and
// chapters read as integers, Chinese numerals (第二章), French and Arabic
// ordinals (troisième alinéa, الفصل الثاني). Pure, small ranges only: past them
// the callers fall back to digits.

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** "XIV" → 14; null for anything that is not a Roman numeral. */
export function romanValue(s: string): number | null {
  if (!/^[IVXLC]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]];
    const next = ROMAN[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** "II" or "2" → 2; null otherwise. */
export function numberValue(s: string): number | null {
  return /^\d+$/.test(s) ? Number(s) : romanValue(s);
}

const ZH_DIGITS = '〇一二三四五六七八九';

/** 1–99 in Chinese numerals (二, 十二, 二十一); digits beyond. */
export function chineseNumber(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) return String(n);
  if (n < 10) return ZH_DIGITS[n];
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens > 1 ? ZH_DIGITS[tens] : ''}十${units ? ZH_DIGITS[units] : ''}`;
}

const FR_UNITS = ['', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const FR_TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'soixante', 'quatre-vingt', 'quatre-vingt'];

/** 1–99 as French cardinal words (vingt et un, soixante-douze, quatre-vingts). */
function frenchCardinal(n: number): string {
  if (n <= 16) return FR_UNITS[n];
  if (n < 20) return `dix-${FR_UNITS[n - 10]}`;
  const tens = Math.floor(n / 10);
  // 70–79 and 90–99 count on from sixty and eighty: soixante-dix, quatre-vingt-onze.
  const rest = tens === 7 || tens === 9 ? n - (tens - 1) * 10 : n % 10;
  if (rest === 0) return tens === 8 ? 'quatre-vingts' : FR_TENS[tens];
  if ((rest === 1 || rest === 11) && tens < 8) return `${FR_TENS[tens]} et ${FR_UNITS[rest]}`;
  return `${FR_TENS[tens]}-${rest < 17 ? FR_UNITS[rest] : `dix-${FR_UNITS[rest - 10]}`}`;
}

/** 1–99 as French ordinal words: premier, deuxième, vingt et unième, quatre-vingtième; "100e" beyond. */
export function frenchOrdinal(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) return `${n}e`;
  if (n === 1) return 'premier';
  const word = frenchCardinal(n).replace(/quatre-vingts$/, 'quatre-vingt');
  if (word.endsWith('cinq')) return `${word}uième`;
  if (word.endsWith('neuf')) return `${word.slice(0, -1)}vième`;
  if (word.endsWith('e')) return `${word.slice(0, -1)}ième`;
  return `${word}ième`;
}

const AR_ORDINALS = ['', 'الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع', 'العاشر'];

/** 1–10 as Arabic (masculine) ordinal words: الأول … العاشر; null beyond. */
export function arabicOrdinal(n: number): string | null {
  return AR_ORDINALS[n] ?? null;
}
