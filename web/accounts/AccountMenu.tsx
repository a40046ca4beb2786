// The header's account corner: who is signed in and for which delegation,
// their account page (password), the administration page for administrators,
// and signing out.
import { useTranslation } from 'react-i18next';
import { linkClick, navigate } from '../lib/router.js';
import { useSession, useUser } from './session.js';

export function AccountMenu() {
  const { t } = useTranslation();
  const user = useUser();
  const { signOut } = useSession();
  return (
    <div className="account-menu">
      <a href="/account" onClick={linkClick} className="account-name" title={user.email}>
        <span className="user-name">{user.name}</span> <span className="delegation-badge">{user.delegation.name}</span>
      </a>
      {user.admin && (
        <a href="/admin" onClick={linkClick} className="admin-link">
          {t('accounts.administration')}
        </a>
      )}
      <button
        type="button"
        className="sign-out"
        onClick={() => {
          navigate('/', { replace: true });
          void signOut();
        }}
      >
        {t('accounts.signOut')}
      </button>
    </div>
  );
}
