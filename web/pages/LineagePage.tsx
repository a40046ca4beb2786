// A paragraph's history back through its series: the same paragraph in each
// earlier version (newest first), what changed each time, and where it first
// appeared.
import { getLineage } from '../api.js';
import { useAsync } from '../lib/useAsync.js';
import { linkClick } from '../lib/router.js';
import { formatDate, idLanguage } from '../lib/format.js';
import { InlineChanges } from '../components/InlineChanges.js';
import { ErrorNote, Loading } from '../components/Status.js';

export function LineagePage({ id }: { id: string }) {
  const lineage = useAsync((signal) => getLineage(id, signal), [id]);
  if (lineage.error) return <ErrorNote error={lineage.error} />;
  if (!lineage.data) return <Loading what="the lineage" />;
  const { paragraph, series, ancestors, firstAppeared } = lineage.data;
  const lang = idLanguage(paragraph.documentId);
  return (
    <div className="page lineage">
      <div className="page-head">
        <div>
          <h1>
            Lineage of {paragraph.label}{' '}
            <a href={`/documents/${paragraph.documentId}?p=${encodeURIComponent(paragraph.id)}`} onClick={linkClick} className="sym">
              {paragraph.documentId}
            </a>
          </h1>
          <div className="muted small">{series ? `Series: ${series.title}` : 'Not part of a known series.'}</div>
        </div>
      </div>
      <ol className="lineage-steps" lang={lang}>
        <li className="step current">
          <div className="step-head">
            <span className="cite">{paragraph.label}</span> <span className="kind">this version</span>
          </div>
          <div className="step-text">{paragraph.text}</div>
        </li>
        {ancestors.map((s) => (
          <li key={s.document.id} className={`step k-${s.kind}`}>
            <div className="step-head">
              <a href={`/documents/${s.document.id}?p=${encodeURIComponent(s.paragraphs[0]?.id ?? '')}`} onClick={linkClick} className="cite">
                {s.document.symbol ?? s.document.title}, {s.paragraphs.map((p) => p.label).join(' + ')}
              </a>
              <span className="muted small">{formatDate(s.document.date)}</span>
              <span className={`kind k-${s.kind}`}>{s.kind}</span>
              {s.routineOnly && <span className="kind k-routine">routine only</span>}
              <span className="muted small">similarity {Math.round(s.similarity * 100)}%</span>
            </div>
            <div className="step-text">
              <InlineChanges changes={s.changes} lang={lang} />
            </div>
          </li>
        ))}
      </ol>
      <p className="first-appeared">
        {firstAppeared.oldestInCorpus ? 'At least as old as ' : 'First appeared in '}
        <a href={`/documents/${firstAppeared.document.id}`} onClick={linkClick} className="sym">
          {firstAppeared.document.symbol ?? firstAppeared.document.title}
        </a>{' '}
        ({formatDate(firstAppeared.document.date)})
        {firstAppeared.oldestInCorpus && <span className="muted small"> — the oldest version the corpus holds</span>}
      </p>
    </div>
  );
}
