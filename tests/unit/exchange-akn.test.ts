// Akoma Ntoso out: a draft in each of the six languages, written by the AKN
// builder and read back by the project's own AKN importer, comes back as the
// same paragraphs (part, number, lead, text, sub-items, footnotes); the file
// is well formed, says its language in the FRBR metadata, keeps the eIds of
// the precedents its paragraphs came from and never repeats one.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../core/model.js';
import { AKN_NAMESPACE, buildAkn, documentForAkn, draftForAkn, type DraftForAkn } from '../../server/exchange/akn-export.js';
import { importAkn } from '../../server/ingest/akn/index.js';
import { SAMPLES } from '../helpers/language-samples.js';

const ISO: Record<Language, string> = { ar: 'ara', zh: 'zho', en: 'eng', fr: 'fra', ru: 'rus', es: 'spa' };

/** A draft of the sample's paragraphs: PP 1 with a footnote, OP 2 with sub-items, PP 2 and OP 1 from precedents. */
function sampleDraft(language: Language): DraftForAkn {
  const s = SAMPLES[language];
  return {
    id: `d-${language}`,
    title: `Draft in ${language}`,
    language,
    body: 'General Assembly',
    paragraphs: [
      { section: 'preamble', text: s.pps[0][1], lead: s.pps[0][0], footnotes: [{ marker: '1', text: 'A/80/157.', offset: s.pps[0][1].length - 1 }] },
      { section: 'preamble', text: s.pps[1][1], lead: s.pps[1][0], source: { paragraphId: 'a-res-80-229.pp14' } },
      { section: 'preamble', text: s.pps[2][1] },
      { section: 'operative', text: s.ops[0][1], lead: s.ops[0][0], source: { paragraphId: 'a-res-80-229.op1' } },
      { section: 'operative', text: [s.ops[1][1], ...s.items].join('\n'), lead: s.ops[1][0] },
      { section: 'operative', text: s.ops[2][1] },
    ],
  };
}

const PRECEDENT_EIDS: Record<string, string> = { 'a-res-80-229.pp14': 'container_15', 'a-res-80-229.op1': 'para_80' };

const eIdsIn = (xml: string) => [...xml.matchAll(/\beId="([^"]+)"/g)].map((m) => m[1]);

describe.each(LANGUAGES)('a draft in %s as Akoma Ntoso', (language) => {
  const s = SAMPLES[language];
  const xml = buildAkn(draftForAkn(sampleDraft(language), (id) => PRECEDENT_EIDS[id] ?? null, { agendaItem: '107', session: 80 }, '2026-11-26'));

  it('is well formed AKN 3.0 with its language in the FRBR Expression', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(tree.akomaNtoso.xmlns).toBe(AKN_NAMESPACE);
    const ident = tree.akomaNtoso.statement.meta.identification;
    expect(ident.FRBRExpression.FRBRlanguage.language).toBe(ISO[language]);
    expect(ident.FRBRWork.FRBRthis.value).toMatch(/^\/akn\/un\/statement\/draft\/unga\/2026-11-26\/draft-d-/);
    expect(ident.FRBRManifestation.FRBRdate).toEqual({ date: '2026-11-26', name: 'markup' });
  });

  it('keeps the eIds of the precedents, generates the others, and repeats none', () => {
    const ids = eIdsIn(xml);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('container_15');
    expect(ids).toContain('para_80');
  });

  it('reads back through the AKN importer as the same paragraphs, leads, sub-items and footnotes', () => {
    const [doc] = importAkn(xml, `draft-${language}.xml`).documents;
    expect(doc.language).toBe(language);
    expect(doc.title).toBe(`Draft in ${language}`);
    expect(doc.agendaItem).toBe('107');
    expect(doc.paragraphs.map((p) => [p.section, p.label, p.lead, p.text])).toEqual([
      ['preamble', 'PP 1', s.pps[0][0], s.pps[0][1]],
      ['preamble', 'PP 2', s.pps[1][0], s.pps[1][1]],
      ['preamble', 'PP 3', s.pps[2][0], s.pps[2][1]],
      ['operative', 'OP 1', s.ops[0][0], s.ops[0][1]],
      ['operative', 'OP 2', s.ops[1][0], [s.ops[1][1], ...s.items].join('\n')],
      ['operative', 'OP 3', s.ops[2][0], s.ops[2][1]],
    ]);
    expect(doc.paragraphs[4].items.map((i) => i.marker)).toEqual(s.items.map((t) => t.split(' ')[0]));
    expect(doc.paragraphs[0].footnotes).toEqual([{ marker: '1', text: 'A/80/157.', offset: s.pps[0][1].length - 1 }]);
    expect(doc.paragraphs.map((p) => p.eId)).toEqual(['container_1', 'container_15', 'container_2', 'para_80', 'para_1', 'para_2']);
  });
});

describe('an adopted resolution as Akoma Ntoso', () => {
  const s = SAMPLES.fr;
  const xml = buildAkn(
    documentForAkn(
      { language: 'fr', kind: 'resolution', symbol: 'A/RES/80/229', title: 'Renforcement du programme', body: 'General Assembly', session: 80, date: '2025-12-15', agendaItem: '107', draftSymbol: 'A/C.3/80/L.12', sponsors: ['Italie'] },
      [
        { section: 'preamble', number: null, label: 'PP 1', lead: s.pps[0][0], text: s.pps[0][1], footnotes: [], items: [], eId: 'container_7' },
        { section: 'heading', number: null, label: 'I', lead: '', text: 'I', footnotes: [], items: [], eId: 'para_40' },
        { section: 'operative', number: 1, label: 'OP 1', lead: s.ops[0][0], text: s.ops[0][1], footnotes: [], items: [], eId: 'para_41' },
      ],
      '2026-11-26',
    ),
  );

  it('states its symbol, session, adoption date and originating draft where the importer finds them', () => {
    expect(xml).toContain('<docNumber>80/229.</docNumber>');
    const [doc] = importAkn(xml, 'A_RES_80_229F.xml').documents;
    expect(doc).toMatchObject({ symbol: 'A/RES/80/229', session: 80, date: '2025-12-15', kind: 'resolution', draftSymbol: 'A/C.3/80/L.12', title: 'Renforcement du programme' });
    expect(doc.paragraphs.map((p) => [p.section, p.label, p.eId])).toEqual([
      ['preamble', 'PP 1', 'container_7'],
      ['heading', 'I', 'para_40'],
      ['operative', 'OP 1', 'para_41'],
    ]);
  });

  it('escapes what XML would read as markup', () => {
    const odd = buildAkn(documentForAkn(
      { language: 'en', kind: 'resolution', symbol: null, title: 'A & B <draft>', body: 'General Assembly', session: null, date: null, agendaItem: null },
      [{ section: 'operative', number: 1, label: 'OP 1', lead: 'Notes', text: 'Notes that 3 < 4 & "quotes" > 2;', footnotes: [], items: [] }],
      '2026-11-26',
    ));
    expect(XMLValidator.validate(odd)).toBe(true);
    const [doc] = importAkn(odd, 'odd.xml').documents;
    expect(doc.title).toBe('A & B <draft>');
    expect(doc.paragraphs[0].text).toBe('Notes that 3 < 4 & "quotes" > 2;');
  });
});
