// The sign-in page: e-mail and password; the server's refusal shown as it
// words it (wrong credentials, too many attempts). Shown for every path while
// nobody is signed in, so a link followed after signing in opens where it pointed.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_LIMITS } from '../../core/limits.js';
import { ApiFailure } from '../api.js';
import { useSession } from './session.js';

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setError(err instanceof ApiFailure && err.status === 401 ? t('accounts.badCredentials') : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page auth-page">
      <form className="card auth-card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('accounts.signInTitle')}</h1>
        <label>
          {t('accounts.email')}
          <input type="email" name="email" autoComplete="username" required maxLength={ACCOUNT_LIMITS.email} value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
        </label>
        <label>
          {t('accounts.password')}
          <input type="password" name="password" autoComplete="current-password" required maxLength={ACCOUNT_LIMITS.passwordMax} value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && (
          <p className="error-note" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('accounts.signIn')}
        </button>
        <p className="muted small">{t('accounts.signInHelp')}</p>
      </form>
    </div>
  );
}
