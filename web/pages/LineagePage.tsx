// A paragraph's history back through its series: the same paragraph in each
// earlier version (newest first), what changed each time, and where it first
// appeared ("first appeared in" only when the corpus holds the version before
// it; "at least as old as" otherwise). Documents are named by their symbols.
import { getLineage } from '../api.js';
import { useAsync } from '../lib/useAsync.js';
import { linkClick } from '../lib/router.js';
import { formatDate, formatPercent, idLanguage } from '../lib/format.js';
import { InlineChanges } from '../components/InlineChanges.js';
import { ErrorNote, Loading } from '../components/Status.js';

export function LineagePage({ id }: { id: string }) {
  const lineage = useAsync((signal) => getLineage(id, signal), [id]);
  if (lineage.error) return <ErrorNote error={lineage.error} />;
  if (!lineage.data) return <Loading what="the lineage" />;
  const { paragraph, document, series, ancestors, firstAppeared } = lineage.data;
  const lang = idLanguage(paragraph.documentId);
  return (
    <div className="page lineage">
      <div className="page-head">
        <div>
          <h1>
            Lineage of {paragraph.label}{' '}
            <a href={`/documents/${paragraph.documentId}?p=${encodeURIComponent(paragraph.id)}`} onClick={linkClick} className="sym" title={document.title}>
              {document.symbol ?? document.title}
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
              <span className="muted small">similarity {formatPercent(s.similarity)}</span>
            </div>
            <div className="step-text">
              <InlineChanges changes={s.changes} lang={lang} />
            </div>
          </li>
        ))}
      </ol>
      <p className="first-appeared">
        {firstAppeared.exact ? 'First appeared in ' : 'At least as old as '}
        <a href={`/documents/${firstAppeared.document.id}`} onClick={linkClick} className="sym">
          {firstAppeared.document.symbol ?? firstAppeared.document.title}
        </a>{' '}
        ({formatDate(firstAppeared.document.date)})
        {firstAppeared.oldestInCorpus && <span className="muted small"> — the oldest version the corpus holds</span>}
        {firstAppeared.missingSessions.length > 0 && (
          <span className="muted small"> — the corpus lacks the versions of {sessionRange(firstAppeared.missingSessions)}, which may hold it</span>
        )}
      </p>
    </div>
  );
}

/** [63, 64, 65] → "sessions 63–65"; [68] → "session 68"; [70, 72] → "sessions 70, 72". */
function sessionRange(sessions: number[]): string {
  if (sessions.length === 1) return `session ${sessions[0]}`;
  const contiguous = sessions.every((s, i) => i === 0 || s === sessions[i - 1] + 1);
  return `sessions ${contiguous ? `${sessions[0]}–${sessions[sessions.length - 1]}` : sessions.join(', ')}`;
}
