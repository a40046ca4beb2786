// The editor's head: the draft's title (editable), its language and base
// document, links to compare and export, the save state, and the keyboard help.
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
  const { id, baseDocumentId } = draft;
  return (
    <div className="editor-head">
      <input className="title-input" value={title} maxLength={DRAFT_LIMITS.title} aria-label="Draft title" onChange={(e) => onTitle(e.target.value)} />
      <div className="editor-meta">
        <span>{languageName(draft.language)}</span>
        {baseDocumentId && (
          <span>
            base <DocumentLink id={baseDocumentId} />
          </span>
        )}
        <a href={`/drafts/${id}/compare`} onClick={linkClick} className="button-link">
          {baseDocumentId ? 'Compare with base' : 'Compare…'}
        </a>
        <DraftExport id={id} baseId={baseDocumentId} state={sync.state} saveNow={sync.saveNow} />
        <SaveBadge state={sync.state} message={sync.message} bufferFailed={sync.bufferFailed} />
      </div>
      <details className="shortcuts">
        <summary>Keyboard</summary>
        Enter split · Shift+Enter new line · Backspace at start merge · Alt+↑/↓ move · Alt+S preamble/operative · Ctrl+Shift+Backspace delete · ↑/↓ at the edges
        previous/next paragraph · Ctrl+Z undo · Ctrl+Shift+Z redo · Ctrl+. precedents, Esc back · a footnote (❶) moves and deletes like a character
      </details>
    </div>
  );
}
