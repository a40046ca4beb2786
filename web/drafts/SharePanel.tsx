// Sharing a draft (its delegation's members only): who else may read it, make
// proposals on it or edit it — other delegations, or one user by e-mail —
// added and removed here.
// Everyone with access sees the list, so a co-sponsor knows who else reads.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getDelegations, getShares, shareDraft, unshareDraft, type DraftShareT } from '../api.js';
import { OutcomeNote, Panel } from '../components/Panel.js';
import { ErrorNote } from '../components/Status.js';
import { useAction } from '../lib/useAction.js';
import { useAsync } from '../lib/useAsync.js';

type ShareAccess = DraftShareT['access'];
/** From least to most: read, make proposals, edit the text. */
const SHARE_ACCESS: ShareAccess[] = ['read', 'propose', 'edit'];

export function SharePanel({ draftId, canManage, ownDelegation, onClose }: { draftId: string; canManage: boolean; ownDelegation: string; onClose: () => void }) {
  const { t } = useTranslation();
  const shares = useAsync((signal) => getShares(draftId, signal), [draftId]);
  const delegations = useAsync((signal) => getDelegations(signal), []);
  const [target, setTarget] = useState('');
  const [access, setAccess] = useState<ShareAccess>('read');
  const { outcome, run } = useAction();
  const others = (delegations.data?.delegations ?? []).filter((d) => d.name !== ownDelegation);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = target.trim();
    if (await run(() => shareDraft(draftId, value.includes('@') ? { email: value, access } : { delegation: value, access }))) {
      setTarget('');
      shares.reload();
    }
  };
  const remove = async (shareId: string) => {
    if (await run(() => unshareDraft(draftId, shareId))) shares.reload();
  };
  return (
    <Panel id="share-title" title={t('sharing.title')} className="share-panel" onClose={onClose}>
      <p className="muted small">{t('sharing.owner', { delegation: ownDelegation })}</p>
      {shares.error && <ErrorNote error={shares.error} />}
      {shares.data && shares.data.shares.length === 0 && <p className="muted">{t('sharing.none')}</p>}
      <ul className="share-list">
        {shares.data?.shares.map((s) => (
          <li key={s.id} data-share={s.with.name}>
            <span className="delegation-badge">{s.with.kind === 'user' ? `${s.with.name} <${s.with.email}>` : s.with.name}</span>{' '}
            <span className="access-badge" data-access={s.access}>
              {t(`sharing.access.${s.access}`)}
            </span>{' '}
            <span className="muted small">{t('sharing.sharedBy', { name: s.sharedBy.name, delegation: s.sharedBy.delegation })}</span>
            {canManage && (
              <button type="button" className="danger small" onClick={() => void remove(s.id)}>
                {t('sharing.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canManage && (
        <form className="share-form" onSubmit={(e) => void submit(e)}>
          <input list="share-delegations" value={target} onChange={(e) => setTarget(e.target.value)} placeholder={t('sharing.target')} aria-label={t('sharing.target')} required />
          <datalist id="share-delegations">
            {others.map((d) => (
              <option key={d.id} value={d.name} />
            ))}
          </datalist>
          <select value={access} onChange={(e) => setAccess(e.target.value as ShareAccess)} aria-label={t('sharing.accessLabel')}>
            {SHARE_ACCESS.map((a) => (
              <option key={a} value={a}>
                {t(`sharing.access.${a}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="primary">
            {t('sharing.share')}
          </button>
        </form>
      )}
      <OutcomeNote outcome={outcome} />
    </Panel>
  );
}
