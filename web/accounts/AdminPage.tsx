// Administration (administrators only): the users and their delegations, a
// form that adds a user (a new delegation name creates the delegation), and
// the audit log of sign-ins, shares and deletions, newest first.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_LIMITS } from '../../core/limits.js';
import { createUser, getAdminDelegations, getAudit, getUsers, type AuditEntryT } from '../api.js';
import { OutcomeNote } from '../components/Panel.js';
import { ErrorNote, Loading } from '../components/Status.js';
import { useAction } from '../lib/useAction.js';
import { formatWhen } from '../lib/format.js';
import { useAsync } from '../lib/useAsync.js';

export function AdminPage() {
  const { t } = useTranslation();
  const users = useAsync((signal) => getUsers(signal), []);
  const delegations = useAsync((signal) => getAdminDelegations(signal), []);
  const reload = () => {
    users.reload();
    delegations.reload();
  };
  return (
    <div className="page admin-page">
      <h1>{t('accounts.administration')}</h1>
      <div className="admin-grid">
        <section>
          <h2>{t('accounts.users')}</h2>
          {users.error && <ErrorNote error={users.error} />}
          {users.data ? (
            <table className="table users-table">
              <thead>
                <tr>
                  <th>{t('accounts.name')}</th>
                  <th>{t('accounts.email')}</th>
                  <th>{t('accounts.delegation')}</th>
                  <th>{t('accounts.role')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.users.map((u) => (
                  <tr key={u.id} data-user={u.email}>
                    <td>{u.name}</td>
                    <td>{u.email}</td>
                    <td>{u.delegation.name}</td>
                    <td>{u.admin ? t('accounts.administrator') : t('accounts.member')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            !users.error && <Loading what={t('accounts.users')} />
          )}
          <h2>{t('accounts.delegations')}</h2>
          {delegations.data && (
            <ul className="delegation-list">
              {delegations.data.delegations.map((d) => (
                <li key={d.id}>
                  <span className="delegation-badge">{d.name}</span> <span className="muted">{t('accounts.members', { count: d.members })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <aside>
          <NewUserForm delegations={delegations.data?.delegations.map((d) => d.name) ?? []} onCreated={reload} />
        </aside>
      </div>
      {/* Keyed by the user count: a user just added shows in the log at once. */}
      <AuditLog key={users.data?.users.length ?? 0} />
    </div>
  );
}

function NewUserForm({ delegations, onCreated }: { delegations: string[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const empty = { name: '', email: '', delegation: '', password: '', admin: false };
  const [form, setForm] = useState(empty);
  const { outcome, run } = useAction();
  const set = (key: 'name' | 'email' | 'delegation' | 'password') => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const delegation = form.delegation.trim();
    if (await run(() => createUser(form), t('accounts.userCreated', { email: form.email.trim(), delegation }))) {
      setForm(empty);
      onCreated();
    }
  };
  return (
    <form className="card new-user" onSubmit={(e) => void submit(e)} aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t('accounts.addUser')}</h2>
      <label>
        {t('accounts.name')}
        <input name="name" required maxLength={ACCOUNT_LIMITS.name} value={form.name} onChange={set('name')} />
      </label>
      <label>
        {t('accounts.email')}
        <input type="email" name="email" required maxLength={ACCOUNT_LIMITS.email} value={form.email} onChange={set('email')} />
      </label>
      <label>
        {t('accounts.delegation')}
        <input name="delegation" list="known-delegations" required maxLength={ACCOUNT_LIMITS.delegation} value={form.delegation} onChange={set('delegation')} placeholder={t('accounts.delegationExample')} />
        <datalist id="known-delegations">
          {delegations.map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
      </label>
      <label>
        {t('accounts.initialPassword')}
        <input type="password" name="password" autoComplete="new-password" required minLength={ACCOUNT_LIMITS.passwordMin} maxLength={ACCOUNT_LIMITS.passwordMax} value={form.password} onChange={set('password')} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={form.admin} onChange={(e) => setForm((f) => ({ ...f, admin: e.target.checked }))} /> {t('accounts.administrator')}
      </label>
      <OutcomeNote outcome={outcome} />
      <button type="submit" className="primary">
        {t('accounts.addUser')}
      </button>
    </form>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const [older, setOlder] = useState<AuditEntryT[]>([]);
  const first = useAsync((signal) => getAudit(undefined, signal), []);
  const entries = [...(first.data?.entries ?? []), ...older];
  const more = async () => {
    const last = entries.at(-1);
    if (!last) return;
    const page = await getAudit(last.id);
    setOlder((o) => [...o, ...page.entries]);
  };
  return (
    <section className="audit-log">
      <h2>{t('accounts.auditLog')}</h2>
      {first.error && <ErrorNote error={first.error} />}
      <table className="table">
        <thead>
          <tr>
            <th>{t('accounts.when')}</th>
            <th>{t('accounts.action')}</th>
            <th>{t('accounts.who')}</th>
            <th>{t('accounts.what')}</th>
            <th>{t('accounts.address')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-action={e.action}>
              <td className="muted">{formatWhen(e.at)}</td>
              <td>{t(`accounts.actions.${e.action}`, { defaultValue: e.action })}</td>
              <td>{e.actorEmail ?? '—'}</td>
              <td>{[e.target, e.detail].filter(Boolean).join(' · ')}</td>
              <td className="muted">{e.address ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length >= 100 && (
        <button type="button" onClick={() => void more()}>
          {t('accounts.olderEntries')}
        </button>
      )}
    </section>
  );
}
