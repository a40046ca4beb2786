// The visible save state: saved / saving / unsaved / offline / conflict / error.
import type { SaveState } from '../drafts/syncMachine.js';

const TEXT: Record<SaveState, string> = {
  loading: 'Loading…',
  saved: 'Saved',
  unsaved: 'Editing…',
  saving: 'Saving…',
  offline: 'Offline: kept in this browser, will save when the server is back',
  conflict: 'Changed elsewhere: choose a version',
  error: 'Not saved',
};

export function SaveBadge({ state, message, bufferFailed }: { state: SaveState; message: string | null; bufferFailed: boolean }) {
  return (
    <span className={`save-badge s-${state}`} role="status" aria-live="polite" data-state={state} title={message ?? undefined}>
      <span className="dot" />
      {TEXT[state]}
      {state === 'error' && message ? `: ${message}` : ''}
      {bufferFailed && ' (browser storage full: keep this tab open)'}
    </span>
  );
}
