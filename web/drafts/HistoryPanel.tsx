// A draft's history: every save with who made it and when; compare any two
// versions (the comparison page), and restore an old one as a new save (what
// came between stays in the history). A save that was not typing says why
// (an accepted proposal names the delegation that made it). Editors name the
// text as it stands as a revision ("Rev.1", as the room circulates it); revisions
// are marked in the list and compare like any version. Readers see the history but cannot restore.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getVersions, nameRevision, restoreVersion, type DraftT } from '../api.js';
import { OutcomeNote, Panel } from '../components/Panel.js';
import { ErrorNote, Loading } from '../components/Status.js';
import { useAction } from '../lib/useAction.js';
import { formatWhen } from '../lib/format.js';
import { navigate } from '../lib/router.js';
import { useAsync } from '../lib/useAsync.js';

export function HistoryPanel({ draft, canWrite, onRestored, onClose }: { draft: DraftT; canWrite: boolean; onRestored: (draft: DraftT) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [named, setNamed] = useState(0);
  const versions = useAsync((signal) => getVersions(draft.id, signal), [draft.id, draft.version, named]);
  const revisions = versions.data?.versions.filter((v) => v.name).length ?? 0;
  const [name, setName] = useState<string | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const { outcome, run } = useAction();
  const toggle = (v: number) => setPicked((p) => (p.includes(v) ? p.filter((x) => x !== v) : [...p.slice(-1), v]));
  const compare = (from: number, to: number) => navigate(`/drafts/${draft.id}/compare?fromVersion=${Math.min(from, to)}&toVersion=${Math.max(from, to)}`);
  const restore = (version: number) => run(async () => onRestored(await restoreVersion(draft.id, version)));
  const nameIt = (revision: string) =>
    run(async () => {
      await nameRevision(draft.id, revision);
      setName(null);
      setNamed((n) => n + 1);
    });
  return (
    <Panel id="history-title" title={t('history.title')} className="history-panel" onClose={onClose}>
      {versions.error && <ErrorNote error={versions.error} />}
      {!versions.data && !versions.error && <Loading what={t('history.title')} />}
      {picked.length === 2 && (
        <button type="button" className="primary" onClick={() => compare(picked[0], picked[1])}>
          {t('history.compareTwo', { from: Math.min(...picked), to: Math.max(...picked) })}
        </button>
      )}
      {canWrite && versions.data && (
        <form
          className="revision-form"
          onSubmit={(e) => {
            e.preventDefault();
            void nameIt(name ?? `Rev.${revisions + 1}`);
          }}
        >
          <span className="muted small">{t('history.nameNow')}</span>{' '}
          <input value={name ?? `Rev.${revisions + 1}`} maxLength={40} aria-label={t('history.revisionName')} onChange={(e) => setName(e.target.value)} />{' '}
          <button type="submit" className="small">
            {t('history.nameButton')}
          </button>
        </form>
      )}
      <ol className="version-list">
        {versions.data?.versions.map((v) => (
          <li key={v.version} data-version={v.version}>
            <label>
              <input type="checkbox" checked={picked.includes(v.version)} onChange={() => toggle(v.version)} aria-label={t('history.pick', { version: v.version })} />{' '}
              <strong>{t('history.version', { version: v.version })}</strong>
            </label>{' '}
            {v.name && (
              <span className="revision-badge" data-revision={v.name}>
                {v.name}
              </span>
            )}{' '}
            <span className="muted">{formatWhen(v.savedAt)}</span>{' '}
            <span>{v.savedBy ? `${v.savedBy.name} (${v.savedBy.delegation})` : t('history.unknownAuthor')}</span>
            {v.note && <span className="version-note muted small"> · {v.note}</span>}
            {v.version !== draft.version && (
              <span className="version-actions">
                <button type="button" className="small" onClick={() => compare(v.version, draft.version)}>
                  {t('history.compareWithCurrent')}
                </button>
                {canWrite && (
                  <button type="button" className="small" onClick={() => void restore(v.version)}>
                    {t('history.restore')}
                  </button>
                )}
              </span>
            )}
            {v.version === draft.version && <span className="muted small"> · {t('history.current')}</span>}
          </li>
        ))}
      </ol>
      <OutcomeNote outcome={outcome} />
    </Panel>
  );
}
