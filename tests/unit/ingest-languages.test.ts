// Imports in every official language: pasted text, a Word file typed without
// styles, text extracted from PDF and Markdown each find the enacting formula,
// the preamble, the numbered operative paragraphs with their sub-items, and the
// lead phrases (from the lexicons counted in the UN's AKN files), in French,
// Spanish, Russian and Arabic as in Chinese and English. The sentences are the
// UN's own: A/RES/80/229 (PP 6, 14, 15; OP 1, 79), with the sub-items of
// A/RES/80/161 OP 2 (A/RES/80/15 OP 5 in French), as the AKN files give them.
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { formulaLanguage } from '../../core/languages/index.js';
import { sectionLead } from '../../core/lead.js';
import type { Language } from '../../core/model.js';
import { importDocx, importText } from '../../server/exchange/docx-import.js';
import { bodyOpener } from '../../server/ingest/header-facts.js';
import { importMarkdown } from '../../server/ingest/markdown.js';
import { importPdfText } from '../../server/ingest/pdf-text/index.js';

interface Sample {
  formula: string;
  /** [lead, text] of three preambular paragraphs. */
  pps: [string, string][];
  /** [lead, text] of three operative paragraphs; the second has sub-items. */
  ops: [string, string][];
  items: string[];
  /** How an operative paragraph's number is printed. */
  number: (n: number) => string;
  meeting: string;
  date: string;
}

const SAMPLES: Record<'fr' | 'es' | 'ru' | 'ar', Sample> = {
  fr: {
    formula: 'L’Assemblée générale,',
    pps: [
      ['Réaffirmant', 'Réaffirmant les dispositions de sa résolution 73/185 du 17 décembre 2018, intitulée « État de droit, prévention du crime et justice pénale dans le contexte des objectifs de développement durable »,'],
      ['Rappelant', 'Rappelant sa résolution 74/172 du 18 décembre 2019, intitulée « Éducation à la justice et à l’état de droit dans le contexte du développement durable »,'],
      ['Rappelant également', 'Rappelant également sa résolution 78/267 du 21 mars 2024 dans laquelle elle a proclamé le 15 novembre Journée internationale de la prévention de toutes les formes de criminalité transnationale organisée et de la lutte contre ce fléau,'],
    ],
    ops: [
      ['Prend note avec satisfaction', 'Prend note avec satisfaction du rapport du Secrétaire général établi en application de sa résolution 78/229 ;'],
      ['Engage', 'Engage les États membres de l’Organisme pour l’interdiction des armes nucléaires en Amérique latine et dans les Caraïbes à poursuivre l’action qu’ils mènent avec lui et notamment à :'],
      ['Décide', 'Décide d’examiner la question du renforcement du programme des Nations Unies pour la prévention du crime et la justice pénale, surtout de ses capacités de coopération technique, à sa quatre-vingt-deuxième session.'],
    ],
    items: [
      'a) appuyer les efforts réalisés dans un contexte multilatéral pour définir des mesures efficaces qui encouragent le respect des engagements pris dans les domaines du désarmement et de la non-prolifération ;',
      'b) renforcer la coopération avec les États Parties aux traités portant création de zones exemptes d’armes nucléaires, les États signataires et la Mongolie ;',
      'c) promouvoir des activités d’éducation en matière de désarmement et de non‑prolifération ;',
    ],
    number: (n) => `${n}.`,
    meeting: '55e séance plénière',
    date: '5 décembre 2025',
  },
  es: {
    formula: 'La Asamblea General,',
    pps: [
      ['Reafirmando', 'Reafirmando su resolución 73/185, de 17 de diciembre de 2018, relativa al estado de derecho, la prevención del delito y la justicia penal en el contexto de los Objetivos de Desarrollo Sostenible,'],
      ['Recordando', 'Recordando su resolución 74/172, de 18 de diciembre de 2019, relativa a la iniciativa Educación para la Justicia y el estado de derecho en el contexto del desarrollo sostenible,'],
      ['Recordando también', 'Recordando también su resolución 78/267, de 21 de marzo de 2024, en la que se declaró el 15 de noviembre Día Internacional para Prevenir y Combatir Todas las Formas de Delincuencia Organizada Transnacional,'],
    ],
    ops: [
      ['Toma nota con aprecio', 'Toma nota con aprecio del informe del Secretario General preparado de conformidad con la resolución 78/229;'],
      ['Encomia', 'Encomia a la Comisión por haber aprobado o adoptado:'],
      ['Decide', 'Decide examinar en su octogésimo segundo período de sesiones la cuestión del fortalecimiento del programa de las Naciones Unidas en materia de prevención del delito y justicia penal, en particular su capacidad de cooperación técnica.'],
    ],
    items: [
      'a) En la esfera del transporte y la venta internacionales de mercancías y la financiación del comercio, el proyecto de convención sobre documentos de carga negociables;',
      'b) En la esfera del régimen de la insolvencia, el Conjunto de Herramientas y Notas de Antecedentes de la CNUDMI sobre la Localización y Recuperación de Bienes en Procedimientos de Insolvencia;',
      'c) En la esfera de la reforma del sistema de solución de controversias entre inversionistas y Estados, el Conjunto de Herramientas de la CNUDMI sobre Prevención y Mitigación de Controversias Internacionales relativas a Inversiones;',
    ],
    number: (n) => `${n}.`,
    meeting: '55a sesión plenaria',
    date: '5 de diciembre de 2025',
  },
  ru: {
    formula: 'Генеральная Ассамблея,',
    pps: [
      ['подтверждая', 'подтверждая свою резолюцию 73/185 от 17 декабря 2018 года по вопросам верховенства права, предупреждения преступности и уголовного правосудия в контексте целей в области устойчивого развития,'],
      ['ссылаясь', 'ссылаясь на свою резолюцию 74/172 от 18 декабря 2019 года об образовании в области правосудия и верховенства права в контексте устойчивого развития,'],
      ['ссылаясь также', 'ссылаясь также на свою резолюцию 78/267 от 21 марта 2024 года об объявлении 15 ноября Международным днем предупреждения всех форм транснациональной организованной преступности и борьбы с ними,'],
    ],
    ops: [
      ['с признательностью принимает к сведению', 'с признательностью принимает к сведению доклад Генерального секретаря, подготовленный во исполнение резолюции 78/229;'],
      ['выражает признательность', 'выражает признательность Комиссии за утверждение и принятие:'],
      ['постановляет', 'постановляет рассмотреть на своей восемьдесят второй сессии вопрос об укреплении программы Организации Объединенных Наций в области предупреждения преступности и уголовного правосудия, в особенности ее потенциала в сфере технического сотрудничества.'],
    ],
    items: [
      'a) в сфере международных перевозок и продажи товаров и финансирования торговли — проекта конвенции об оборотных грузовых документах;',
      'b) в сфере законодательства о несостоятельности — документа «Отслеживание и возвращение активов в рамках производства по делам о несостоятельности: инструментарий и справочные материалы, подготовленные ЮНСИТРАЛ»;',
      'c) в сфере реформирования системы урегулирования споров между инвесторами и государствами — Методического пособия ЮНСИТРАЛ по предупреждению международных инвестиционных споров и примирению;',
    ],
    number: (n) => `${n}.`,
    meeting: '55‑е пленарное заседание',
    date: '5 декабря 2025 года',
  },
  ar: {
    formula: 'إن الجمعية العامة،',
    pps: [
      ['وإذ تعيد تأكيد', 'وإذ تعيد تأكيد قرارها 73/185 المؤرخ 17 كانون الأول/ديسمبر 2018 بشأن سيادة القانون ومنع الجريمة والعدالة الجنائية في سياق أهداف التنمية المستدامة،'],
      ['وإذ تشير', 'وإذ تشير إلى قرارها 74/172 المؤرخ 18 كانون الأول/ديسمبر 2019 المتعلق بالتعليم من أجل العدالة وسيادة القانون في سياق التنمية المستدامة،'],
      ['وإذ تشير أيضا', 'وإذ تشير أيضا إلى قرارها 78/267 المؤرخ 21 آذار/مارس 2024 الذي أُعلن بموجبه يوم 15 تشرين الثاني/نوفمبر يوماً دولياً لمنع ومكافحة جميع أشكال الجريمة المنظمة عبر الوطنية،'],
    ],
    ops: [
      ['تحيط علما مع التقدير', 'تحيط علما مع التقدير بتقرير الأمين العام الذي أُعد عملا بالقرار 78/229؛'],
      ['تثني', 'تثني على اللجنة لإقرارها أو اعتمادها لما يلي:'],
      ['تقرر', 'تقرر أن تنظر في دورتها الثانية والثمانين في مسألة تعزيز برنامج الأمم المتحدة لمنع الجريمة والعدالة الجنائية، لا سيما قدراته في مجال التعاون التقني.'],
    ],
    items: [
      '(أ) في مجال النقل الدولي وبيع البضائع وتمويل التجارة، مشروع الاتفاقية المتعلقة بمستندات الشحن القابلة للتداول؛',
      '(ب) في مجال قانون الإعسار، النصان المتعلقان بـ ”تتبع الموجودات واستردادها في إجراءات الإعسار: مجموعة أدوات وملاحظات أساسية صادرة عن الأونسيترال“؛',
      '(ج) في مجال إصلاح نظام تسوية المنازعات بين المستثمرين والدول: مجموعة أدوات الأونسيترال بشأن درء المنازعات الاستثمارية الدولية والتخفيف من حدتها؛',
    ],
    number: (n) => `${n} -`,
    meeting: 'الجلسة العامة 55',
    date: '5 كانون الأول/ديسمبر 2025',
  },
};

const LANGUAGES = Object.keys(SAMPLES) as (keyof typeof SAMPLES)[];

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
