// Which script a character belongs to, for the rules that differ between
// Chinese running text and the alphabetic languages (joining wrapped lines,
// spaces around footnote markers, detection). The one place that says what
// "CJK" means in Precedent.

const HAN = /\p{Script=Han}/u;
/** Typography Chinese text shares with English: curly quotes, em dash, ellipsis, middle dot. */
const SHARED_TYPOGRAPHY = /[\u2018\u2019\u201c\u201d\u2014\u2026·]/u;

/** A Han ideograph. */
export function isHan(ch: string | undefined): boolean {
  return !!ch && HAN.test(ch);
}

/**
 * A code point of Chinese text proper: ideographs (radicals, extensions and
 * compatibility forms included), CJK punctuation, the kana block's middle dot,
 * full-width forms. No space is ever wanted beside one. By ranges, for the
 * importers' per-character loops.
 */
export function isCjkCode(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) || // radicals, CJK punctuation, kana, extension A, unified ideographs
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0xfe30 && code <= 0xfe4f) || // compatibility (vertical) forms
    (code >= 0xff00 && code <= 0xffef) || // full-width forms
    (code >= 0x20000 && code <= 0x3ffff) // extensions B onwards
  );
}

/** An ideograph or a full-width form (see isCjkCode). */
export function isCjkCore(ch: string | undefined): boolean {
  return !!ch && isCjkCode(ch.codePointAt(0)!);
}

/**
 * Anything that belongs to Chinese running text, the curly quotes and dashes
 * Chinese typesetting uses included: a hard wrap next to one joins with no space.
 */
export function isCjk(ch: string | undefined): boolean {
  return !!ch && (isCjkCore(ch) || SHARED_TYPOGRAPHY.test(ch));
}

/** How many characters of each script a text has. */
export function scriptCounts(text: string): { han: number; arabic: number; cyrillic: number; latin: number } {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  return {
    han: count(/\p{Script=Han}/gu),
    arabic: count(/\p{Script=Arabic}/gu),
    cyrillic: count(/\p{Script=Cyrillic}/gu),
    latin: count(/\p{Script=Latin}/gu),
  };
}
