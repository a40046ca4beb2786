// The drafts list (home): the user's delegation's drafts and those shared
// with them (with who shared it and what they may do), a page at a time; open,
// rename, duplicate, delete (confirmed; owners only) drafts, and start a new
// one, empty or as a rollover of an adopted document. A draft's base is named by its symbol.
import { DRAFT_LIMITS } from '../../core/limits.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteDraft, duplicateDraft, listDrafts, saveDraft, type DraftSummaryT } from '../api.js';
import { useAsync } from '../lib/useAsync.js';
import { linkClick, navigate } from '../lib/router.js';
import { formatWhen, languageName } from '../lib/format.js';
import { ErrorNote, Loading } from '../components/Status.js';
import { NewDraft } from '../components/NewDraft.js';
import { Pager } from '../components/Pager.js';

/** Drafts a page shows. */
const PAGE_SIZE = 50;

export function DraftsPage() {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const list = useAsync((signal) => listDrafts({ limit: PAGE_SIZE, offset }, signal), [offset]);
  const data = list.data;
  // Deleting the last draft of the last page leaves it empty: show the page before.
  useEffect(() => {
    if (data && data.drafts.length === 0 && data.offset > 0) setOffset(Math.max(0, data.offset - data.limit));
  }, [data]);
  return (
    <div className="page drafts-page">
      <section className="drafts-list">
        <h1>{t('drafts.heading')}</h1>
        {list.error && <ErrorNote error={list.error} />}
        {list.loading && !list.data && <Loading what={t('what.drafts')} />}
        {list.data && list.data.drafts.length === 0 && <p className="muted">{t('drafts.none')}</p>}
        {list.data && list.data.drafts.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th>{t('drafts.col.title')}</th>
                <th>{t('drafts.col.language')}</th>
                <th>{t('drafts.col.base')}</th>
                <th className="num">{t('drafts.col.pp')}</th>
                <th className="num">{t('drafts.col.op')}</th>
                <th>{t('drafts.col.saved')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.data.drafts.map((d) => (
                <DraftRow key={d.id} draft={d} onChanged={list.reload} />
              ))}
            </tbody>
          </table>
        )}
        {data && <Pager page={{ ...data, shown: data.drafts.length }} onOffset={setOffset} />}
      </section>
      <aside className="drafts-new">
        <NewDraft />
      </aside>
    </div>
  );
}

function DraftRow({ draft, onChanged }: { draft: DraftSummaryT; onChanged: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');
  const [title, setTitle] = useState(draft.title);
  const [error, setError] = useState<string | null>(null);
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      setMode('view');
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const rename = () =>
    run(() => saveDraft(draft.id, { version: draft.version, title: title.trim() || draft.title }));
  return (
    <tr data-draft={draft.id}>
      <td>
        {mode === 'rename' ? (
          <form onSubmit={(e) => (e.preventDefault(), void rename())} className="inline-form">
            <input autoFocus value={title} onChange={(e) => setTitle(e.target.value)} aria-label={t('drafts.newTitle')} maxLength={DRAFT_LIMITS.title} onKeyDown={(e) => e.key === 'Escape' && setMode('view')} />
            <button type="submit">{t('common.save')}</button>
          </form>
        ) : (
          <a href={`/drafts/${draft.id}`} onClick={linkClick} className="draft-title">
            {draft.title}
          </a>
        )}
        {draft.sharedBy && (
          <div className="muted small shared-line" data-access={draft.access}>
            {t('sharing.sharedBy', { name: draft.sharedBy.name, delegation: draft.sharedBy.delegation })} · {t(`sharing.access.${draft.access === 'owner' ? 'edit' : draft.access}`)}
          </div>
        )}
        {error && <div className="error-note">{error}</div>}
      </td>
      <td>{languageName(draft.language)}</td>
      <td className="base">
        {draft.baseDocumentId ? (
          <a href={`/documents/${draft.baseDocumentId}`} onClick={linkClick} className="sym">
            {draft.baseName ?? draft.baseDocumentId}
          </a>
        ) : (
          '—'
        )}
      </td>
      <td className="num">{draft.counts.preamble}</td>
      <td className="num">{draft.counts.operative}</td>
      <td className="muted">{formatWhen(draft.updatedAt)}</td>
      <td className="row-actions">
        {mode === 'confirm-delete' ? (
          <>
            <span className="warn">{t('drafts.confirmDelete')}</span>
            <button type="button" className="danger" onClick={() => run(() => deleteDraft(draft.id))}>
              {t('drafts.delete')}
            </button>
            <button type="button" onClick={() => setMode('view')}>
              {t('drafts.keep')}
            </button>
          </>
        ) : (
          <>
            {(draft.access === 'owner' || draft.access === 'edit') && <button type="button" onClick={() => setMode('rename')}>{t('drafts.rename')}</button>}
            <button
              type="button"
              onClick={() => run(async () => navigate(`/drafts/${(await duplicateDraft(draft.id)).id}`))}
            >
              {t('drafts.duplicate')}
            </button>
            {draft.access === 'owner' && <button type="button" onClick={() => setMode('confirm-delete')}>{t('drafts.deleteAsk')}</button>}
          </>
        )}
      </td>
    </tr>
  );
}
