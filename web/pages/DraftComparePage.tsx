// Draft against its base (or any document picked here), or one kept version
// of it against another: the same comparison view as the series.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draftDocxUrl, getDraft, getDraftDiff, getVersionDiff } from '../api.js';
import { useAsync } from '../lib/useAsync.js';
import { linkClick, navigate } from '../lib/router.js';
import { DiffView } from '../components/DiffView.js';
import { DocumentPicker } from '../components/DocumentPicker.js';
import { ErrorNote, Loading } from '../components/Status.js';

export function DraftComparePage({ id, against, versions }: { id: string; against: string | null; versions?: { from: number; to: number } | null }) {
  const { t } = useTranslation();
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
        {diff.loading && <Loading what={t('what.comparison')} />}
        {diff.data && <DiffView diff={diff.data} fromName={diff.data.from.title} toName={diff.data.to.title} />}
      </div>
    );
  }
  if (draft.error) return <ErrorNote error={draft.error} />;
  if (!draft.data) return <Loading what={t('what.draft')} />;
  return (
    <div className="page compare-page">
      <div className="page-head">
        <h1>
          <a href={`/drafts/${id}`} onClick={linkClick}>
            {draft.data.title}
          </a>{' '}
          <span className="muted">{t('compare.comparedWith')}</span> <span className="sym">{diff.data?.from.symbol ?? target ?? t('compare.aDocument')}</span>
        </h1>
        <div className="toolbar">
          {target && (
            <a
              href={draftDocxUrl(id, { against: target })}
              download
              className="button"
              title={t('compare.downloadTitle')}
            >
              {t('common.downloadComparison')}
            </a>
          )}
          <button type="button" onClick={() => setPicking((p) => !p)}>
            {t('compare.another')}
          </button>
        </div>
      </div>
      {picking && (
        <div className="card">
          <DocumentPicker language={draft.data.language} onPick={(d) => navigate(`/drafts/${id}/compare?against=${encodeURIComponent(d.id)}`)} />
        </div>
      )}
      {!target && <p className="muted">{t('compare.noBase')}</p>}
      {diff.error && <ErrorNote error={diff.error} />}
      {target && diff.loading && <Loading what={t('what.comparison')} />}
      {diff.data && <DiffView diff={diff.data} fromName={diff.data.from.symbol ?? diff.data.from.title} toName={t('compare.draftName', { title: draft.data.title })} />}
    </div>
  );
}
