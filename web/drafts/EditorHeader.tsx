// The editor's head: the draft's title (editable, unless shared read-only or for proposals), its
// language and base document, links to compare and export, sharing (its
// delegation's members) and history, the save state, who else is in the draft, and the keyboard help.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAFT_LIMITS } from '../../core/limits.js';
import type { DraftT } from '../api.js';
import { useUser } from '../accounts/session.js';
import { DocumentLink } from '../components/DocumentLink.js';
import { DraftExport } from '../components/DraftExport.js';
import { SaveBadge } from '../components/SaveBadge.js';
import { languageName } from '../lib/format.js';
import { linkClick } from '../lib/router.js';
import { HistoryPanel } from './HistoryPanel.js';
import { SharePanel } from './SharePanel.js';
import type { SaveState } from './useLiveDraft.js';
import type { Peer } from './presence.js';
import { PresenceList } from './PresenceList.js';

export interface EditorHeaderProps {
  draft: DraftT;
  title: string;
  onTitle: (title: string) => void;
  sync: { state: SaveState; message: string | null; peers: Peer[] };
  /** A version was restored: the editor reloads the draft. */
  onRestored: (draft: DraftT) => void;
}

export function EditorHeader({ draft, title, onTitle, sync, onRestored }: EditorHeaderProps) {
  const { t } = useTranslation();
  const user = useUser();
  const [panel, setPanel] = useState<'share' | 'history' | null>(null);
  const { id, baseDocumentId, access } = draft;
  // A delegation that may only propose reads the text; its proposals go through the proposals panel.
  const readOnly = access === 'read' || access === 'propose';
  const toggle = (which: 'share' | 'history') => setPanel((p) => (p === which ? null : which));
  return (
    <div className="editor-head">
      {readOnly ? (
        <h1 className="title-input read-only-title">{title}</h1>
      ) : (
        <input className="title-input" value={title} maxLength={DRAFT_LIMITS.title} aria-label={t('editor.titleAria')} onChange={(e) => onTitle(e.target.value)} />
      )}
      <div className="editor-meta">
        <span>{languageName(draft.language)}</span>
        {baseDocumentId && (
          <span>
            {t('editor.base')} <DocumentLink id={baseDocumentId} />
          </span>
        )}
        {access !== 'owner' && (
          <span className="access-badge" data-access={access}>
            {t(`sharing.youMay.${access}`)}
          </span>
        )}
        <a href={`/drafts/${id}/compare`} onClick={linkClick} className="button-link">
          {baseDocumentId ? t('editor.compareWithBase') : t('editor.compare')}
        </a>
        <DraftExport id={id} baseId={baseDocumentId} state={sync.state} />
        <button type="button" className="small" aria-expanded={panel === 'share'} onClick={() => toggle('share')}>
          {t('sharing.button')}
        </button>
        <button type="button" className="small" aria-expanded={panel === 'history'} onClick={() => toggle('history')}>
          {t('history.button')}
        </button>
        {!readOnly && <SaveBadge state={sync.state} message={sync.message} />}
        <PresenceList peers={sync.peers} />
      </div>
      {panel === 'share' && <SharePanel draftId={id} canManage={access === 'owner'} ownDelegation={user.delegation.name} onClose={() => setPanel(null)} />}
      {panel === 'history' && (
        <HistoryPanel
          draft={draft}
          canWrite={!readOnly}
          onRestored={(restored) => {
            setPanel(null);
            onRestored(restored);
          }}
          onClose={() => setPanel(null)}
        />
      )}
      {!readOnly && (
        <details className="shortcuts">
          <summary>{t('editor.keyboard')}</summary>
          {t('editor.shortcuts')}
        </details>
      )}
    </div>
  );
}
