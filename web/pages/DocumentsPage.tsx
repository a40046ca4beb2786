// The corpus: every document, filtered by language, kind and symbol/title.
import { useState } from 'react';
import { getDocuments, kindFilter, languageFilter } from '../api.js';
import { useAsync } from '../lib/useAsync.js';
import { linkClick } from '../lib/router.js';
import { formatDate } from '../lib/format.js';
import { LanguageSelect } from '../components/LanguageSelect.js';
import { ErrorNote, Loading } from '../components/Status.js';
import { KindSelect } from '../components/KindSelect.js';

export function DocumentsPage() {
  const [language, setLanguage] = useState('');
  const [kind, setKind] = useState('');
  const [q, setQ] = useState('');
  const list = useAsync(
    () => getDocuments({ language: languageFilter(language), kind: kindFilter(kind), q: q.trim() || undefined }),
    [language, kind, q],
  );
  return (
    <div className="page">
      <div className="page-head">
        <h1>Documents</h1>
        <div className="toolbar">
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Symbol or title" aria-label="Symbol or title" />
          <LanguageSelect value={language} onChange={setLanguage} anyLabel="All languages" />
          <KindSelect value={kind} onChange={setKind} anyLabel="All kinds" />
        </div>
      </div>
      {list.error && <ErrorNote error={list.error} />}
      {!list.data && list.loading && <Loading what="documents" />}
      {list.data && (
        <>
          <p className="muted small">{list.data.documents.length} documents</p>
          <table className="table">
            <thead>
              <tr>
                <th>Symbol</th>
                <th>Lang.</th>
                <th>Title</th>
                <th>Kind</th>
                <th>Body</th>
                <th>Date</th>
                <th className="num">PP</th>
                <th className="num">OP</th>
                <th className="num">Other</th>
              </tr>
            </thead>
            <tbody>
              {list.data.documents.slice(0, 500).map((d) => (
                <tr key={d.id}>
                  <td className="sym">
                    <a href={`/documents/${d.id}`} onClick={linkClick}>
                      {d.symbol ?? '(no symbol)'}
                    </a>
                  </td>
                  <td>{d.language}</td>
                  <td className="title-cell" lang={d.language}>
                    {d.title}
                  </td>
                  <td>{d.kind}</td>
                  <td>{d.body}</td>
                  <td>{formatDate(d.date)}</td>
                  <td className="num">{d.counts.preamble}</td>
                  <td className="num">{d.counts.operative}</td>
                  <td className="num">{d.counts.other}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
