// The app shell: the header (brand, section navigation, and at the end what
// belongs to the whole desk: the interface language and the signed-in user),
// the page for the current path, and the footer crediting the United Nations
// as the source of the corpus. Nobody signed in: the sign-in page (or the
// first administrator's setup page) for every path.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { linkClick, match, useLocation } from './lib/router.js';
import { DraftsPage } from './pages/DraftsPage.js';
import { EditorPage } from './pages/EditorPage.js';
import { DocumentPage } from './pages/DocumentPage.js';
import { DocumentsPage } from './pages/DocumentsPage.js';
import { SeriesPage } from './pages/SeriesPage.js';
import { DraftComparePage } from './pages/DraftComparePage.js';
import { LineagePage } from './pages/LineagePage.js';
import { InterfaceLanguageSwitch } from './components/InterfaceLanguageSwitch.js';
import { AccountMenu } from './accounts/AccountMenu.js';
import { AccountPage } from './accounts/AccountPage.js';
import { AdminPage } from './accounts/AdminPage.js';
import { SessionProvider, useSession } from './accounts/session.js';
import { SetupPage } from './accounts/SetupPage.js';
import { SignInPage } from './accounts/SignInPage.js';
import { Loading } from './components/Status.js';

type Section = 'drafts' | 'series' | 'documents';

function route(path: string, query: URLSearchParams): { page: ReactNode; section: Section | null } {
  let m: Record<string, string> | null;
  if ((m = match('/drafts/:id/compare', path))) {
    const versions = query.get('fromVersion') && query.get('toVersion') ? { from: Number(query.get('fromVersion')), to: Number(query.get('toVersion')) } : null;
    return { page: <DraftComparePage id={m.id} against={query.get('against')} versions={versions} />, section: 'drafts' };
  }
  // Keyed by ?restored= too: restoring a version opens the draft afresh.
  if ((m = match('/drafts/:id', path))) return { page: <EditorPage key={`${m.id}:${query.get('restored') ?? ''}`} id={m.id} />, section: 'drafts' };
  if (match('/admin', path)) return { page: <AdminPage />, section: null };
  if (match('/account', path)) return { page: <AccountPage />, section: null };
  if ((m = match('/documents/:id', path))) return { page: <DocumentPage id={m.id} focus={query.get('p')} beside={query.get('with')} />, section: 'documents' };
  if ((m = match('/paragraphs/:id/lineage', path))) return { page: <LineagePage id={m.id} />, section: 'documents' };
  if (match('/documents', path)) return { page: <DocumentsPage />, section: 'documents' };
  if (match('/series', path)) return { page: <SeriesPage query={query} />, section: 'series' };
  return { page: <DraftsPage />, section: 'drafts' };
}

/** The header's sections, in order: a new one is one line here (and its key in the locales). */
const SECTIONS: { id: Section; href: string }[] = [
  { id: 'drafts', href: '/' },
  { id: 'series', href: '/series' },
  { id: 'documents', href: '/documents' },
];

export function App() {
  return (
    <SessionProvider>
      <Desk />
    </SessionProvider>
  );
}

function Desk() {
  const { t } = useTranslation();
  const { state } = useSession();
  const { path, query } = useLocation();
  if (state.status === 'loading') return <Loading what="Precedent" />;
  if (state.status === 'signed-out') {
    return (
      <div className="app">
        <header className="topbar">
          <span className="brand">{t('app.brand')}</span>
          <div className="topbar-end">
            <InterfaceLanguageSwitch />
          </div>
        </header>
        <main className="main">{match('/setup', path) ? <SetupPage /> : <SignInPage />}</main>
        <footer className="footer">{t('app.footer')}</footer>
      </div>
    );
  }
  const { page, section } = route(path, query);
  return (
    <div className="app">
      <header className="topbar">
        <a href="/" onClick={linkClick} className="brand">
          {t('app.brand')}
        </a>
        <nav aria-label={t('app.nav.label')}>
          {SECTIONS.map(({ id, href }) => (
            <a key={id} href={href} onClick={linkClick} className={section === id ? 'active' : undefined} data-section={id}>
              {t(`app.nav.${id}`)}
            </a>
          ))}
        </nav>
        {/* Whole-desk controls, at the inline end (the right; the left in Arabic). */}
        <div className="topbar-end">
          <InterfaceLanguageSwitch />
          <AccountMenu />
        </div>
      </header>
      <main className="main">{page}</main>
      <footer className="footer">{t('app.footer')}</footer>
    </div>
  );
}
