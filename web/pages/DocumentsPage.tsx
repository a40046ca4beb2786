// The corpus: every document, filtered by language, kind and symbol/title, a page at a time.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDocuments, kindFilter, languageFilter } from '../api.js';
import { useAsync } from '../lib/useAsync.js';
import { linkClick } from '../lib/router.js';
import { formatDate, formatNumber } from '../lib/format.js';
import { LanguageSelect } from '../components/LanguageSelect.js';
import { ErrorNote, Loading } from '../components/Status.js';
import { KindSelect } from '../components/KindSelect.js';
import { Pager } from '../components/Pager.js';
import { localizedBody } from '../../core/languages/index.js';
import { interfaceLanguage } from '../i18n/locale.js';

/** Documents a page shows. */
const PAGE_SIZE = 100;

export function DocumentsPage() {
  const { t } = useTranslation();
  const [language, setLanguage] = useState('');
  const [kind, setKind] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  // A changed filter starts again from its first page.
  const filter = (set: (value: string) => void) => (value: string) => {
    set(value);
    setOffset(0);
  };
  const list = useAsync(
    (signal) => getDocuments({ language: languageFilter(language), kind: kindFilter(kind), q: q.trim() || undefined, limit: PAGE_SIZE, offset }, signal),
    [language, kind, q, offset],
  );
  const data = list.data;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('documents.heading')}</h1>
        <div className="toolbar">
          <input type="search" value={q} onChange={(e) => filter(setQ)(e.target.value)} placeholder={t('common.symbolOrTitle')} aria-label={t('common.symbolOrTitle')} />
          <LanguageSelect value={language} onChange={filter(setLanguage)} anyLabel={t('common.allLanguages')} />
          <KindSelect value={kind} onChange={filter(setKind)} anyLabel={t('common.allKinds')} />
        </div>
      </div>
      {list.error && <ErrorNote error={list.error} />}
      {!list.data && list.loading && <Loading what={t('what.documents')} />}
      {data && (
        <>
          <p className="muted small">{t('documents.count', { count: data.total })}</p>
          <table className="table">
            <thead>
              <tr>
                <th>{t('documents.col.symbol')}</th>
                <th>{t('documents.col.language')}</th>
                <th>{t('documents.col.title')}</th>
                <th>{t('documents.col.kind')}</th>
                <th>{t('documents.col.body')}</th>
                <th>{t('documents.col.date')}</th>
                <th className="num">{t('documents.col.pp')}</th>
                <th className="num">{t('documents.col.op')}</th>
                <th className="num">{t('documents.col.other')}</th>
              </tr>
            </thead>
            <tbody>
              {data.documents.map((d) => (
                <tr key={d.id}>
                  <td className="sym">
                    <a href={`/documents/${d.id}`} onClick={linkClick}>
                      {d.symbol ?? t('common.noSymbol')}
                    </a>
                  </td>
                  <td>{d.language}</td>
                  <td className="title-cell" lang={d.language} dir="auto">
                    {d.title}
                  </td>
                  <td>{t(`kinds.${d.kind}`)}</td>
                  <td>{localizedBody(interfaceLanguage(), d.body)}</td>
                  <td>{formatDate(d.date)}</td>
                  <td className="num">{formatNumber(d.counts.preamble)}</td>
                  <td className="num">{formatNumber(d.counts.operative)}</td>
                  <td className="num">{formatNumber(d.counts.other)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={{ ...data, shown: data.documents.length }} onOffset={setOffset} />
        </>
      )}
    </div>
  );
}
