// The editor's "Export .docx" menu: the draft with every change against its
// base as Word tracked changes (when it has a base), or a clean file. The file
// is what the server holds, so pending edits are saved first. The base is
// named by its symbol. The compilation text (every pending proposal in place) is a third choice.
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { compilationDocxUrl, draftDocxUrl } from '../api.js';
import { DocumentName } from './DocumentLink.js';
import type { SaveState } from '../drafts/syncMachine.js';

function download(href: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = '';
  document.body.append(a);
  a.click();
  a.remove();
}

export function DraftExport({ id, baseId, state, saveNow }: { id: string; baseId: string | null; state: SaveState; saveNow: () => Promise<void> }) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDetailsElement>(null);
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    if (pending && state === 'saved') {
      download(pending);
      setPending(null);
    }
  }, [pending, state]);

  useEffect(() => {
    const close = (e: globalThis.MouseEvent) => {
      if (menu.current?.open && !menu.current.contains(e.target as Node)) menu.current.open = false;
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);

  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (menu.current) menu.current.open = false;
    if (state === 'unsaved' || state === 'saving') {
      e.preventDefault();
      setPending(e.currentTarget.getAttribute('href'));
      void saveNow();
    }
  };
  const stale = state === 'offline' || state === 'error' || state === 'conflict';

  return (
    <details className="menu export-menu" ref={menu}>
      <summary className="button-link" title={stale ? 'Exports the last version saved on the server' : undefined}>
        {pending ? 'Saving, then exporting…' : 'Export .docx'}
      </summary>
      <div className="menu-pop" role="menu">
        {baseId && (
          <a role="menuitem" href={draftDocxUrl(id)} download onClick={onClick} data-export="tracked">
            <b>With tracked changes</b>
            <span className="muted small">
              every change against the base <DocumentName id={baseId} /> as a Word revision
            </span>
          </a>
        )}
        <a role="menuitem" href={draftDocxUrl(id, { plain: true })} download onClick={onClick} data-export="clean">
          <b>Clean draft</b>
          <span className="muted small">the text as it stands, no tracked changes</span>
        </a>
        <a role="menuitem" href={compilationDocxUrl(id)} download onClick={onClick} data-export="compilation">
          <b>{t('negotiation.compilation')}</b>
          <span className="muted small">{t('negotiation.compilationHint')}</span>
        </a>
        {stale && <span className="menu-note warn small">Not saved: the file holds the last version saved on the server.</span>}
      </div>
    </details>
  );
}
