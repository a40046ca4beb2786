// The app shell: the header (brand, section navigation, and a slot at the end
// for what belongs to the whole desk: the interface language today, the
// signed-in user tomorrow), the page for the current path, and the footer
// crediting the United Nations as the source of the corpus.
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

type Section = 'drafts' | 'series' | 'documents';

function route(path: string, query: URLSearchParams): { page: ReactNode; section: Section } {
  let m: Record<string, string> | null;
  if ((m = match('/drafts/:id/compare', path))) return { page: <DraftComparePage id={m.id} against={query.get('against')} />, section: 'drafts' };
  if ((m = match('/drafts/:id', path))) return { page: <EditorPage key={m.id} id={m.id} />, section: 'drafts' };
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
  const { t } = useTranslation();
  const { path, query } = useLocation();
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
        </div>
      </header>
      <main className="main">{page}</main>
      <footer className="footer">{t('app.footer')}</footer>
    </div>
  );
}
