// The app shell: header navigation, the page for the current path, and the
// footer crediting the United Nations as the source of the corpus.
import type { ReactNode } from 'react';
import { linkClick, match, useLocation } from './lib/router.js';
import { DraftsPage } from './pages/DraftsPage.js';
import { EditorPage } from './pages/EditorPage.js';
import { DocumentPage } from './pages/DocumentPage.js';
import { DocumentsPage } from './pages/DocumentsPage.js';
import { SeriesPage } from './pages/SeriesPage.js';
import { DraftComparePage } from './pages/DraftComparePage.js';
import { LineagePage } from './pages/LineagePage.js';

function route(path: string, query: URLSearchParams): { page: ReactNode; section: string } {
  let m: Record<string, string> | null;
  if ((m = match('/drafts/:id/compare', path))) return { page: <DraftComparePage id={m.id} against={query.get('against')} />, section: 'drafts' };
  if ((m = match('/drafts/:id', path))) return { page: <EditorPage key={m.id} id={m.id} />, section: 'drafts' };
  if ((m = match('/documents/:id', path))) return { page: <DocumentPage id={m.id} focus={query.get('p')} />, section: 'documents' };
  if ((m = match('/paragraphs/:id/lineage', path))) return { page: <LineagePage id={m.id} />, section: 'documents' };
  if (match('/documents', path)) return { page: <DocumentsPage />, section: 'documents' };
  if (match('/series', path)) return { page: <SeriesPage query={query} />, section: 'series' };
  return { page: <DraftsPage />, section: 'drafts' };
}

export function App() {
  const { path, query } = useLocation();
  const { page, section } = route(path, query);
  const nav = (href: string, label: string, id: string) => (
    <a href={href} onClick={linkClick} className={section === id ? 'active' : undefined}>
      {label}
    </a>
  );
  return (
    <div className="app">
      <header className="topbar">
        <a href="/" onClick={linkClick} className="brand">
          Precedent
        </a>
        <nav>
          {nav('/', 'Drafts', 'drafts')}
          {nav('/series', 'Series', 'series')}
          {nav('/documents', 'Documents', 'documents')}
        </nav>
      </header>
      <main className="main">{page}</main>
      <footer className="footer">
        Corpus source: United Nations — resolutions, reports and AKN4UN documents published by the UN. Precedent is not an
        official UN tool.
      </footer>
    </div>
  );
}
