// Picks a corpus document by symbol or title: a search field over
// /api/documents with the matches listed below it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDocuments, kindFilter, languageFilter, type DocumentSummaryT } from '../api.js';
import { useAsync } from '../lib/useAsync.js';
import { formatDate, formatNumber } from '../lib/format.js';

/** Matches listed: the picker is for finding one document, not browsing. */
const SHOWN = 30;

export function DocumentPicker({ language, kind, onPick, placeholder }: { language?: string; kind?: string; onPick: (d: DocumentSummaryT) => void; placeholder?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const { data } = useAsync(
    (signal) => getDocuments({ q: q.trim() || undefined, language: languageFilter(language), kind: kindFilter(kind), limit: SHOWN }, signal),
    [q, language, kind],
  );
  return (
    <div className="picker">
      <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={placeholder ?? t('common.symbolOrTitleExample')} aria-label={t('common.findDocument')} />
      <ul className="picker-list">
        {(data?.documents ?? []).map((d) => (
          <li key={d.id}>
            <button type="button" onClick={() => onPick(d)} data-doc={d.id}>
              <span className="sym">{d.symbol ?? t('common.noSymbol')}</span>
              <span className="lang-tag">{d.language}</span>
              <span className="picker-title" lang={d.language} dir="auto">
                {d.title}
              </span>
              <span className="muted small">
                {t('picker.counts', { date: formatDate(d.date), pp: formatNumber(d.counts.preamble), op: formatNumber(d.counts.operative) })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
