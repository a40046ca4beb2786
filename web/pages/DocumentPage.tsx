// One corpus document as adopted: header, "the General Assembly," opening,
// preamble and numbered operative paragraphs set as the UN sets them, each
// with its citation, lineage link and footnotes; roll it over into a draft.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { citeIn, labelIn } from '../../core/citation-in.js';
import { localizedBody, profileOf } from '../../core/languages/index.js';
import { interfaceLanguage } from '../i18n/locale.js';
import { createDraft, documentDocxUrl, getDocument } from '../api.js';
import { useAsync } from '../lib/useAsync.js';
import { linkClick, navigate } from '../lib/router.js';
import { formatDate, languageName } from '../lib/format.js';
import { DocParagraphText } from '../components/DocParagraphText.js';
import { ErrorNote, Loading } from '../components/Status.js';

export function DocumentPage({ id, focus }: { id: string; focus: string | null }) {
  const { t } = useTranslation();
  const doc = useAsync(() => getDocument(id), [id]);
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
  return (
    <div className="page document-page">
      <div className="page-head">
        <div>
          <div className="sym big">{d.symbol ?? t('common.noSymbol')}</div>
          <h1 lang={d.language} dir="auto">{d.title}</h1>
          <div className="muted small">
            {t(`kinds.${d.kind}`)} · {localizedBody(interfaceLanguage(), d.body)} · {languageName(d.language)} · {formatDate(d.date)}
            {d.session ? ` · ${t('document.session', { session: d.session })}` : ''}
            {d.agendaItem ? ` · ${t('document.agendaItem', { item: d.agendaItem })}` : ''}
          </div>
        </div>
        <div className="toolbar">
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
      <article className={`doc-text ${d.language === 'zh' ? 'cjk' : ''}`} lang={d.language} dir={profileOf(d.language).rtl ? 'rtl' : 'ltr'}>
        {paragraphs.map((p) =>
          p.section === 'heading' ? (
            <h3 key={p.id} className="doc-heading">
              {p.text}
            </h3>
          ) : (
            <div key={p.id} id={`p-${p.id}`} className={`doc-para ${p.section} ${focus === p.id ? 'focused' : ''}`}>
              <span className="doc-num">{p.section === 'operative' || p.section === 'body' ? `${p.number ?? ''}.` : <span className="pp">{labelIn(p.label, d.language)}</span>}</span>
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
          ),
        )}
      </article>
    </div>
  );
}
