// The visible save state: saved (the server has every keystroke) / saving / offline (edits kept in the browser) / error.
import { useTranslation } from 'react-i18next';
import type { SaveState } from '../drafts/useLiveDraft.js';

export function SaveBadge({ state, message }: { state: SaveState; message: string | null }) {
  const { t } = useTranslation();
  return (
    <span className={`save-badge s-${state}`} role="status" aria-live="polite" data-state={state} title={message ?? undefined}>
      <span className="dot" />
      {t(`save.${state}`)}
      {state === 'error' && message ? `: ${message}` : ''}
    </span>
  );
}
