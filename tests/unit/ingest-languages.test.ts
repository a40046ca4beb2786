// Imports in every official language: pasted text, a Word file typed without
// styles, text extracted from PDF and Markdown each find the enacting formula,
// the preamble, the numbered operative paragraphs with their sub-items, and the
// lead phrases (from the lexicons counted in the UN's AKN files), in French,
// Spanish, Russian and Arabic as in Chinese and English. The sentences are the
// UN's own (helpers/language-samples.ts).
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { formulaLanguage } from '../../core/languages/index.js';
import { sectionLead } from '../../core/lead.js';
import type { Language } from '../../core/model.js';
import { importDocx, importText } from '../../server/exchange/docx-import.js';
import { bodyOpener } from '../../server/ingest/header-facts.js';
import { importMarkdown } from '../../server/ingest/markdown.js';
import { importPdfText } from '../../server/ingest/pdf-text/index.js';
import { SAMPLES, type Sample } from '../helpers/language-samples.js';

const LANGUAGES = ['zh', 'en', 'fr', 'es', 'ru', 'ar'] as const;

/** The paragraphs as a drafter expects them: part, lead, and (for the one with sub-items) its lines. */
function expected(s: Sample) {
  return [
    ...s.pps.map(([lead, text]) => ['preamble', lead, text]),
    ['operative', s.ops[0][0], s.ops[0][1]],
    ['operative', s.ops[1][0], [s.ops[1][1], ...s.items].join('\n')],
    ['operative', s.ops[2][0], s.ops[2][1]],
  ];
}

/** The resolution's body as typed or pasted: one line per paragraph or item. */
function pasted(s: Sample): string {
  return [s.formula, ...s.pps.map(([, t]) => t), `${s.number(1)} ${s.ops[0][1]}`, `${s.number(2)} ${s.ops[1][1]}`, ...s.items, `${s.number(3)} ${s.ops[2][1]}`].join('\n');
}

/**
 * As text extracted from the PDF: a leading space opens each paragraph, lines
 * wrap mid-sentence, and the meeting and the date close the text.
 */
function pdfText(s: Sample): string {
  const wrap = (t: string) => {
    const cut = t.indexOf(' ', Math.floor(t.length / 2));
    return cut < 0 ? [t] : [t.slice(0, cut), t.slice(cut + 1)];
  };
  const para = (t: string) => wrap(t).map((line, i) => (i === 0 ? ` ${line}` : line));
  return [
    s.formula,
    '',
    ...s.pps.flatMap(([, t]) => para(t)),
    ...para(`${s.number(1)} ${s.ops[0][1]}`),
    ...para(`${s.number(2)} ${s.ops[1][1]}`),
    ...s.items.map((t) => ` ${t}`),
    ...para(`${s.number(3)} ${s.ops[2][1]}`),
    '',
    s.meeting,
    s.date,
  ].join('\n');
}

/** As Markdown: blocks between blank lines, the closing at the end. */
function markdown(s: Sample): string {
  return [s.formula, ...s.pps.map(([, t]) => t), `${s.number(1)} ${s.ops[0][1]}`, `${s.number(2)} ${s.ops[1][1]}`, ...s.items, `${s.number(3)} ${s.ops[2][1]}`, `${s.meeting}\n${s.date}`].join('\n\n');
}

/** A delegation's Word file typed without styles, emphasis or list numbering. */
async function plainDocx(s: Sample): Promise<Buffer> {
  const lines = pasted(s).split('\n');
  const doc = new Document({ sections: [{ children: lines.map((t) => new Paragraph({ children: [new TextRun(t)] })) }] });
  return Packer.toBuffer(doc);
}

describe.each(LANGUAGES)('imports in %s', (language) => {
  const s = SAMPLES[language];
  const rows = (ps: readonly { section: string; lead: string; text: string }[]) => ps.map((p) => [p.section, p.lead, p.text]);

  it('pasted text: formula, preamble, numbered operative paragraphs with sub-items, leads; the language told from the text', () => {
    const d = importText(pasted(s));
    expect(d.language).toBe(language);
    expect(rows(d.paragraphs)).toEqual(expected(s));
    expect(d.warnings).toEqual([]);
  });

  it('a Word file typed without styles reads the same', async () => {
    const d = await importDocx(await plainDocx(s));
    expect(d.language).toBe(language);
    expect(rows(d.paragraphs)).toEqual(expected(s));
  });

  it('text extracted from PDF: wrapped lines joined, sub-items kept, the closing date read and not taken for a paragraph', () => {
    const { documents, warnings } = importPdfText(pdfText(s), `80-229-${language}.txt`, { language, symbol: 'A/RES/80/229', kind: 'resolution', body: 'General Assembly', session: 80 });
    const doc = documents[0];
    expect(doc.kind).toBe('resolution');
    expect(doc.date).toBe('2025-12-05');
    expect(doc.paragraphs.map((p) => p.label)).toEqual(['PP 1', 'PP 2', 'PP 3', 'OP 1', 'OP 2', 'OP 3']);
    expect(rows(doc.paragraphs)).toEqual(expected(s));
    expect(doc.paragraphs[4].items.map((i) => i.marker)).toEqual(s.items.map((t) => t.split(' ')[0]));
    expect(warnings.filter((w) => /lead|operative/.test(w))).toEqual([]);
  });

  it('Markdown: the same paragraphs, leads and closing date', () => {
    const doc = importMarkdown(markdown(s), `80-229-${language}.md`, { language, symbol: 'A/RES/80/229', kind: 'resolution' }).documents[0];
    expect(doc.date).toBe('2025-12-05');
    expect(rows(doc.paragraphs)).toEqual(expected(s));
  });
});

describe('the opening formula in all six languages', () => {
  const formulas: [string, Language][] = [
    ['大会，', 'zh'],
    ['大会,', 'zh'],
    ['The General Assembly,', 'en'],
    ['L’Assemblée générale,', 'fr'],
    ["L'Assemblee generale,", 'fr'],
    ['La Asamblea General,', 'es'],
    ['Генеральная Ассамблея,', 'ru'],
    ['إن الجمعية العامة،', 'ar'],
    ['إنّ الجمعية العامة،', 'ar'],
  ];
  it.each(formulas)('%s opens a General Assembly resolution in %s', (line, language) => {
    expect(formulaLanguage(line)).toBe(language);
    expect(bodyOpener(line)).toEqual({ body: 'General Assembly', language });
  });

  it('a paragraph that merely mentions the Assembly is no formula', () => {
    expect(formulaLanguage('Рекомендует Генеральной Ассамблее,')).toBeNull();
    expect(formulaLanguage('La Asamblea General decide,')).toBeNull();
  });
});

describe('lead lexicons', () => {
  it('take the longest lead, as the text writes it, and only whole words', () => {
    expect(sectionLead('Rappelant en outre sa résolution 78/229,', 'fr', 'preamble')).toBe('Rappelant en outre');
    expect(sectionLead("Ayant à l'esprit la Charte,", 'fr', 'preamble')).toBe("Ayant à l'esprit");
    expect(sectionLead('Toma nota con aprecio del informe;', 'es', 'operative')).toBe('Toma nota con aprecio');
    expect(sectionLead('настоятельно призывает государства-члены;', 'ru', 'operative')).toBe('настоятельно призывает');
    // تقرر (decides) is not تقر (acknowledges) followed by a letter.
    expect(sectionLead('تقرر أن تبقي المسألة قيد نظرها.', 'ar', 'operative')).toBe('تقرر');
    expect(sectionLead('تقريرا عن ذلك', 'ar', 'operative')).toBe('');
  });
});
