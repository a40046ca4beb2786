// The editor's "Export .docx" menu: the draft with every change against its
// base as Word tracked changes (when it has a base), or a clean file. The file
// is what the server holds, so it waits until the server has every keystroke. The base is
// named by its symbol. The compilation text (every pending proposal in place) is a third choice.
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { compilationDocxUrl, draftDocxUrl } from '../api.js';
import { DocumentName } from './DocumentLink.js';
import type { SaveState } from '../drafts/useLiveDraft.js';

function download(href: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = '';
  document.body.append(a);
  a.click();
  a.remove();
}

export function DraftExport({ id, baseId, state }: { id: string; baseId: string | null; state: SaveState }) {
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
    if (state === 'saving') {
      e.preventDefault();
      setPending(e.currentTarget.getAttribute('href'));
    }
  };
  const stale = state === 'offline' || state === 'error';

  return (
    <details className="menu export-menu" ref={menu}>
      <summary className="button-link" title={stale ? t('export.staleTitle') : undefined}>
        {pending ? t('export.pending') : t('common.exportDocx')}
      </summary>
      <div className="menu-pop" role="menu">
        {baseId && (
          <a role="menuitem" href={draftDocxUrl(id)} download onClick={onClick} data-export="tracked">
            <b>{t('export.tracked')}</b>
            <span className="muted small">
              <Trans i18nKey="export.trackedHint" components={{ doc: <DocumentName id={baseId} /> }} />
            </span>
          </a>
        )}
        <a role="menuitem" href={draftDocxUrl(id, { plain: true })} download onClick={onClick} data-export="clean">
          <b>{t('export.clean')}</b>
          <span className="muted small">{t('export.cleanHint')}</span>
        </a>
        <a role="menuitem" href={compilationDocxUrl(id)} download onClick={onClick} data-export="compilation">
          <b>{t('negotiation.compilation')}</b>
          <span className="muted small">{t('negotiation.compilationHint')}</span>
        </a>
        {stale && <span className="menu-note warn small">{t('export.stale')}</span>}
      </div>
    </details>
  );
}
