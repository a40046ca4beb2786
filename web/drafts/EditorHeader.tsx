// The editor's head: the draft's title (editable), its language and base
// document, links to compare and export, the save state, and the keyboard help.
import { useTranslation } from 'react-i18next';
import { DRAFT_LIMITS } from '../../core/limits.js';
import type { DraftT } from '../api.js';
import { DocumentLink } from '../components/DocumentLink.js';
import { DraftExport } from '../components/DraftExport.js';
import { SaveBadge } from '../components/SaveBadge.js';
import { languageName } from '../lib/format.js';
import { linkClick } from '../lib/router.js';
import type { SaveState } from './syncMachine.js';

export interface EditorHeaderProps {
  draft: DraftT;
  title: string;
  onTitle: (title: string) => void;
  sync: { state: SaveState; message: string | null; bufferFailed: boolean; saveNow: () => Promise<void> };
}

export function EditorHeader({ draft, title, onTitle, sync }: EditorHeaderProps) {
  const { t } = useTranslation();
  const { id, baseDocumentId } = draft;
  return (
    <div className="editor-head">
      <input className="title-input" value={title} maxLength={DRAFT_LIMITS.title} aria-label={t('editor.titleAria')} onChange={(e) => onTitle(e.target.value)} />
      <div className="editor-meta">
        <span>{languageName(draft.language)}</span>
        {baseDocumentId && (
          <span>
            {t('editor.base')} <DocumentLink id={baseDocumentId} />
          </span>
        )}
        <a href={`/drafts/${id}/compare`} onClick={linkClick} className="button-link">
          {baseDocumentId ? t('editor.compareWithBase') : t('editor.compare')}
        </a>
        <DraftExport id={id} baseId={baseDocumentId} state={sync.state} saveNow={sync.saveNow} />
        <SaveBadge state={sync.state} message={sync.message} bufferFailed={sync.bufferFailed} />
      </div>
      <details className="shortcuts">
        <summary>{t('editor.keyboard')}</summary>
        {t('editor.shortcuts')}
      </details>
    </div>
  );
}
