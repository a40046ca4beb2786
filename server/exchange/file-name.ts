// The name an exported file is saved under: cut to a length on whole
// characters (an emoji or an accented letter is never split), stripped of
// what file systems refuse, and sent as a Content-Disposition header with an
// ASCII fallback and the full name in RFC 5987 form (filename*=UTF-8''…).

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** At most `max` user-perceived characters of `text`, never half of one. */
export function cutToCharacters(text: string, max: number): string {
  let out = '';
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (count++ === max) break;
    out += segment;
  }
  return out;
}

/** Characters no file system takes (Windows' list is the longest), control characters, and unpaired surrogates. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** A file name (without extension) from a title or symbol (cut by the caller): safe characters, trimmed, never empty. */
export function fileBaseName(name: string): string {
  const safe = name
    .normalize('NFC')
    .replace(UNSAFE, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.]+$/g, '');
  return safe || 'document';
}

/** RFC 5987 value-chars: encodeURIComponent also leaves ' ( ) * and ! unescaped, which the RFC does not allow (except !). */
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/** `attachment; filename="ascii.docx"; filename*=UTF-8''…` for `name` (already safe, see fileBaseName) and `extension`. */
export function contentDisposition(name: string, extension: string): string {
  const ascii = name.replace(/[^A-Za-z0-9._ -]+/g, '-').replace(/-{2,}/g, '-').replace(/^[\s.-]+|[\s.-]+$/g, '') || 'document';
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${rfc5987(`${name}.${extension}`)}`;
}
