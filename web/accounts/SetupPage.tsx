// The first administrator, made with the one-time link the server printed on
// its console (/setup#token): name, e-mail, delegation and password; signed in
// on success.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_LIMITS } from '../../core/limits.js';
import { completeSetup } from '../api.js';
import { navigate } from '../lib/router.js';
import { useSession } from './session.js';

export function SetupPage() {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const token = window.location.hash.slice(1);
  const [form, setForm] = useState({ name: '', email: '', delegation: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const { user } = await completeSetup({ token, ...form });
      navigate('/', { replace: true });
      signedIn(user);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <div className="page auth-page">
      <form className="card auth-card" onSubmit={(e) => void submit(e)} aria-labelledby="setup-title">
        <h1 id="setup-title">{t('accounts.setupTitle')}</h1>
        <p className="muted">{t('accounts.setupIntro')}</p>
        {!token && <p className="error-note">{t('accounts.setupNoToken')}</p>}
        <label>
          {t('accounts.name')}
          <input name="name" required maxLength={ACCOUNT_LIMITS.name} value={form.name} onChange={set('name')} autoFocus />
        </label>
        <label>
          {t('accounts.email')}
          <input type="email" name="email" autoComplete="username" required maxLength={ACCOUNT_LIMITS.email} value={form.email} onChange={set('email')} />
        </label>
        <label>
          {t('accounts.delegation')}
          <input name="delegation" required maxLength={ACCOUNT_LIMITS.delegation} value={form.delegation} onChange={set('delegation')} placeholder={t('accounts.delegationExample')} />
        </label>
        <label>
          {t('accounts.newPassword')}
          <input type="password" name="password" autoComplete="new-password" required minLength={ACCOUNT_LIMITS.passwordMin} maxLength={ACCOUNT_LIMITS.passwordMax} value={form.password} onChange={set('password')} />
        </label>
        <p className="muted small">{t('accounts.passwordRule', { min: ACCOUNT_LIMITS.passwordMin })}</p>
        {error && (
          <p className="error-note" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={!token}>
          {t('accounts.createAdministrator')}
        </button>
      </form>
    </div>
  );
}
