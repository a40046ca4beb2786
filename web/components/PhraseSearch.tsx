// Exact agreed-language search: paragraphs that contain the phrase exactly
// (after width and space normalisation), matches highlighted, paged.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { citeIn } from '../../core/citation-in.js';
import { getSearch, kindFilter, languageFilter, type SuggestResult } from '../api.js';
import { useAsync } from '../lib/useAsync.js';
import { formatDate, formatNumber } from '../lib/format.js';
import { Highlight } from './Highlight.js';

export function PhraseSearch({ language, kind, onInsert }: { language: string; kind: string; onInsert: (r: SuggestResult) => void }) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const search = useAsync(
    (signal) =>
      q ? getSearch({ q, phrase: '1', language: languageFilter(language), kind: kindFilter(kind), page: String(page) }, signal) : Promise.resolve(null),
    [q, language, kind, page],
  );
  const data = search.data;
  return (
    <div className="phrase">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setQ(input.trim());
        }}
      >
        <input type="search" value={input} onChange={(e) => setInput(e.target.value)} placeholder={t('phrase.placeholder')} aria-label={t('phrase.aria')} maxLength={500} />
        <button type="submit">{t('common.search')}</button>
      </form>
      {search.error && <p className="error-note">{search.error.message}</p>}
      {data && (
        <>
          <p className="muted small">
            {t('phrase.found', { count: data.total, q, ms: formatNumber(data.tookMs) })}
          </p>
          <ul className="hits">
            {data.results.map((h) => (
              <li key={h.paragraph.id} className="hit">
                <div className="s-head">
                  <span className="cite" lang={h.document.language} dir="auto">
                    {citeIn(h.document, h.paragraph.label, h.document.language)}
                  </span>
                  <span className={`badge ${h.agreed ? 'agreed' : 'not-agreed'}`}>{h.agreed ? t('common.agreed') : t(`kinds.${h.document.kind}`)}</span>
                  <span className="muted small">{formatDate(h.document.date)}</span>
                </div>
                <div className="s-text" lang={h.document.language} dir="auto">
                  <Highlight text={h.paragraph.text} ranges={h.matches} />
                </div>
                <div className="s-actions">
                  <button type="button" onClick={() => onInsert({ paragraph: h.paragraph, document: h.document, agreed: h.agreed, similarity: 0, shared: [] })}>
                    {t('common.insert')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <div className="pager">
            <button type="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              {t('common.previous')}
            </button>
            <span className="muted small">
              {t('common.pageOf', { page: formatNumber(data.page), pages: formatNumber(Math.max(1, Math.ceil(data.total / data.pageSize))) })}
            </span>
            <button type="button" disabled={page * data.pageSize >= data.total} onClick={() => setPage((p) => p + 1)}>
              {t('common.next')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
