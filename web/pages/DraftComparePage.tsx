// Draft against its base (or any document picked here), or one kept version
// of it against another: the same comparison view as the series.
import { useState } from 'react';
import { draftDocxUrl, getDraft, getDraftDiff, getVersionDiff } from '../api.js';
import { useAsync } from '../lib/useAsync.js';
import { linkClick, navigate } from '../lib/router.js';
import { DiffView } from '../components/DiffView.js';
import { DocumentPicker } from '../components/DocumentPicker.js';
import { ErrorNote, Loading } from '../components/Status.js';

export function DraftComparePage({ id, against, versions }: { id: string; against: string | null; versions?: { from: number; to: number } | null }) {
  const draft = useAsync(() => getDraft(id), [id]);
  const target = against ?? draft.data?.baseDocumentId ?? null;
  const diff = useAsync(
    () => (versions ? getVersionDiff(id, versions.from, versions.to) : target ? getDraftDiff(id, target) : Promise.resolve(null)),
    [id, target, versions?.from, versions?.to],
  );
  const [picking, setPicking] = useState(false);
  if (versions) {
    if (draft.error) return <ErrorNote error={draft.error} />;
    return (
      <div className="page compare-page">
        <div className="page-head">
          <h1>
            <a href={`/drafts/${id}`} onClick={linkClick}>
              {draft.data?.title ?? id}
            </a>
          </h1>
        </div>
        {diff.error && <ErrorNote error={diff.error} />}
        {diff.loading && <Loading what="the comparison" />}
        {diff.data && <DiffView diff={diff.data} fromName={diff.data.from.title} toName={diff.data.to.title} />}
      </div>
    );
  }
  if (draft.error) return <ErrorNote error={draft.error} />;
  if (!draft.data) return <Loading what="the draft" />;
  return (
    <div className="page compare-page">
      <div className="page-head">
        <h1>
          <a href={`/drafts/${id}`} onClick={linkClick}>
            {draft.data.title}
          </a>{' '}
          <span className="muted">compared with</span> <span className="sym">{diff.data?.from.symbol ?? target ?? 'a document'}</span>
        </h1>
        <div className="toolbar">
          {target && (
            <a
              href={draftDocxUrl(id, { against: target })}
              download
              className="button"
              title="The saved draft as a Word file, every change against this document as a tracked change"
            >
              Download comparison (.docx)
            </a>
          )}
          <button type="button" onClick={() => setPicking((p) => !p)}>
            Compare with another document…
          </button>
        </div>
      </div>
      {picking && (
        <div className="card">
          <DocumentPicker language={draft.data.language} onPick={(d) => navigate(`/drafts/${id}/compare?against=${encodeURIComponent(d.id)}`)} />
        </div>
      )}
      {!target && <p className="muted">This draft has no base document. Pick a document to compare it with.</p>}
      {diff.error && <ErrorNote error={diff.error} />}
      {target && diff.loading && <Loading what="the comparison" />}
      {diff.data && <DiffView diff={diff.data} fromName={diff.data.from.symbol ?? diff.data.from.title} toName={`Draft: ${draft.data.title}`} />}
    </div>
  );
}
