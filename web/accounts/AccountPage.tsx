// The signed-in user's page: who they are, and a password change (the current
// password first; their other sessions are signed out).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_LIMITS } from '../../core/limits.js';
import { changePassword } from '../api.js';
import { OutcomeNote } from '../components/Panel.js';
import { useAction } from '../lib/useAction.js';
import { useUser } from './session.js';

export function AccountPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const { outcome, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => changePassword(current, next), t('accounts.passwordChanged'))) {
      setCurrent('');
      setNext('');
    }
  };
  return (
    <div className="page account-page">
      <h1>{user.name}</h1>
      <p>
        {user.email} · <span className="delegation-badge">{user.delegation.name}</span>
        {user.admin && <> · {t('accounts.administrator')}</>}
      </p>
      <form className="card auth-card" onSubmit={(e) => void submit(e)}>
        <h2>{t('accounts.changePassword')}</h2>
        <label>
          {t('accounts.currentPassword')}
          <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label>
          {t('accounts.newPassword')}
          <input type="password" autoComplete="new-password" required minLength={ACCOUNT_LIMITS.passwordMin} maxLength={ACCOUNT_LIMITS.passwordMax} value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
        <p className="muted small">{t('accounts.passwordRule', { min: ACCOUNT_LIMITS.passwordMin })}</p>
        <OutcomeNote outcome={outcome} />
        <button type="submit" className="primary">
          {t('accounts.changePassword')}
        </button>
      </form>
    </div>
  );
}
