// The visible save state: saved / saving / unsaved / offline / conflict / error.
import { useTranslation } from 'react-i18next';
import type { SaveState } from '../drafts/syncMachine.js';

export function SaveBadge({ state, message, bufferFailed }: { state: SaveState; message: string | null; bufferFailed: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`save-badge s-${state}`} role="status" aria-live="polite" data-state={state} title={message ?? undefined}>
      <span className="dot" />
      {t(`save.${state}`)}
      {state === 'error' && message ? `: ${message}` : ''}
      {bufferFailed && t('save.storageFull')}
    </span>
  );
}
