// One corpus document as adopted: header, "the General Assembly," opening,
// preamble and numbered operative paragraphs set as the UN sets them, each
// with its citation (in the document's language), lineage link and footnotes;
// roll it over into a draft. With ?with=LANG, its version in that language
// beside it, paragraph by paragraph (the UN numbers them alike in all six).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { citeIn, labelIn, numberMarkIn } from '../../core/citation-in.js';
import { localizedBody, profileOf } from '../../core/languages/index.js';
import { interfaceLanguage } from '../i18n/locale.js';
import { createDraft, documentDocxUrl, getDocument, getDocuments, languageFilter, type DocParagraphT, type DocumentT } from '../api.js';
import { useAsync } from '../lib/useAsync.js';
import { linkClick, navigate } from '../lib/router.js';
import { formatDate, languageName } from '../lib/format.js';
import { DocParagraphText } from '../components/DocParagraphText.js';
import { LanguageSelect } from '../components/LanguageSelect.js';
import { ErrorNote, Loading } from '../components/Status.js';

type Doc = DocumentT['document'];

/** The same document (same symbol) in another language, or null when the corpus lacks it. */
async function versionIn(d: Doc, language: string, signal: AbortSignal): Promise<DocumentT | null> {
  const lang = languageFilter(language);
  if (!d.symbol || !lang || lang === d.language) return null;
  const found = (await getDocuments({ q: d.symbol, language: lang }, signal)).documents.find((x) => x.symbol === d.symbol);
  return found ? getDocument(found.id, signal) : null;
}

/**
 * Rows of the side-by-side view: each paragraph with the other version's of the
 * same label (headings in order), then what the other version has besides.
 */
function pairRows(left: DocParagraphT[], right: DocParagraphT[]): [DocParagraphT | null, DocParagraphT | null][] {
  const byLabel = new Map(right.filter((p) => p.section !== 'heading').map((p) => [p.label, p]));
  const headings = right.filter((p) => p.section === 'heading');
  const used = new Set<DocParagraphT>();
  const rows: [DocParagraphT | null, DocParagraphT | null][] = left.map((p) => {
    const match = p.section === 'heading' ? headings.shift() : byLabel.get(p.label);
    if (match) used.add(match);
    return [p, match ?? null];
  });
  for (const p of right) if (!used.has(p)) rows.push([null, p]);
  return rows;
}

/** One paragraph (or heading) of a document as the UN sets it, with its citation and lineage link. */
function Paragraph({ d, p, focus }: { d: Doc; p: DocParagraphT; focus: string | null }) {
  const { t } = useTranslation();
  if (p.section === 'heading') return <h3 className="doc-heading">{p.text}</h3>;
  return (
    <div id={`p-${p.id}`} className={`doc-para ${p.section} ${focus === p.id ? 'focused' : ''}`} data-label={p.label}>
      <span className="doc-num">{p.section === 'operative' || p.section === 'body' ? numberMarkIn(p.number ?? '', d.language) : <span className="pp">{labelIn(p.label, d.language)}</span>}</span>
      <div>
        <p>
          <DocParagraphText p={p} language={d.language} />
        </p>
        <div className="doc-para-meta">
          <span className="cite">{citeIn(d, p.label, d.language)}</span>
          <a href={`/paragraphs/${p.id}/lineage`} onClick={linkClick}>
            {t('common.lineage')}
          </a>
        </div>
      </div>
    </div>
  );
}

/** The document's text in its own language and direction. */
const textProps = (d: Doc) => ({ lang: d.language, dir: profileOf(d.language).rtl ? 'rtl' : 'ltr' });

export function DocumentPage({ id, focus, beside }: { id: string; focus: string | null; beside?: string | null }) {
  const { t } = useTranslation();
  const doc = useAsync(() => getDocument(id), [id]);
  const other = useAsync((signal) => (doc.data && beside ? versionIn(doc.data.document, beside, signal) : Promise.resolve(null)), [doc.data, beside]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (doc.data && focus) document.getElementById(`p-${focus}`)?.scrollIntoView({ block: 'center' });
  }, [doc.data, focus]);
  if (doc.error) return <ErrorNote error={doc.error} />;
  if (!doc.data) return <Loading what={t('what.document')} />;
  const { document: d, paragraphs } = doc.data;
  const rollover = async () => {
    try {
      const draft = await createDraft({ base: d.id });
      navigate(`/drafts/${draft.id}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const setBeside = (language: string) => navigate(`/documents/${encodeURIComponent(d.id)}${language ? `?with=${language}` : ''}`, { replace: true });
  const pair = other.data;
  return (
    <div className="page document-page">
      <div className="page-head">
        <div>
          <div className="sym big">{d.symbol ?? t('common.noSymbol')}</div>
          <h1 lang={d.language} dir="auto">
            {d.title}
          </h1>
          <div className="doc-meta muted small">
            {t(`kinds.${d.kind}`)} · {localizedBody(interfaceLanguage(), d.body)} · {languageName(d.language)} · {formatDate(d.date)}
            {d.session ? ` · ${t('document.session', { session: d.session })}` : ''}
            {d.agendaItem ? ` · ${t('document.agendaItem', { item: d.agendaItem })}` : ''}
          </div>
        </div>
        <div className="toolbar">
          {d.symbol && (
            <label className="side-by-side-select small muted">
              {t('document.sideBySide')}
              <LanguageSelect value={beside ?? ''} onChange={setBeside} anyLabel={t('document.sideBySideNone')} ariaLabel={t('document.sideBySide')} />
            </label>
          )}
          {pair && (
            <a href={`/documents/${encodeURIComponent(pair.document.id)}?with=${d.language}`} onClick={linkClick} className="button" title={t('document.swapTitle')}>
              {t('document.swap')}
            </a>
          )}
          <a href={documentDocxUrl(d.id)} download className="button" title={t('document.exportTitle')}>
            {t('common.exportDocx')}
          </a>
          {(d.kind === 'resolution' || d.kind === 'draft resolution' || d.kind === 'decision') && (
            <button type="button" className="primary" onClick={rollover}>
              {t('document.rollover')}
            </button>
          )}
        </div>
      </div>
      {error && <p className="error-note">{error}</p>}
      {other.error && <ErrorNote error={other.error} />}
      {beside && beside !== d.language && other.loading && <Loading what={t('what.document')} />}
      {beside && beside !== d.language && !other.loading && !pair && d.symbol && (
        <p className="muted">{t('document.noVersion', { language: languageName(beside), symbol: d.symbol })}</p>
      )}
      {pair ? (
        <div className="doc-text side-by-side" data-with={pair.document.language}>
          <div className="side-head">
            <span>{languageName(d.language)}</span>
            <a href={`/documents/${encodeURIComponent(pair.document.id)}`} onClick={linkClick} lang={pair.document.language} dir="auto">
              {languageName(pair.document.language)} · {pair.document.title}
            </a>
          </div>
          {pairRows(paragraphs, pair.paragraphs).map(([left, right], i) => (
            <div key={left?.id ?? right?.id ?? i} className="side-row">
              <div className={`side-cell ${d.language === 'zh' ? 'cjk' : ''}`} {...textProps(d)}>
                {left && <Paragraph d={d} p={left} focus={focus} />}
              </div>
              <div className={`side-cell ${pair.document.language === 'zh' ? 'cjk' : ''}`} {...textProps(pair.document)}>
                {right && <Paragraph d={pair.document} p={right} focus={null} />}
              </div>
            </div>
          ))}
        </div>
      ) : (
        <article className={`doc-text ${d.language === 'zh' ? 'cjk' : ''}`} {...textProps(d)}>
          {paragraphs.map((p) => (
            <Paragraph key={p.id} d={d} p={p} focus={focus} />
          ))}
        </article>
      )}
    </div>
  );
}
