// Shown when a save met a newer version (409): both versions side by side,
// differing paragraphs marked, and the choice of which to keep. A modal in
// earnest: it takes focus when it opens, keeps Tab inside, and Esc closes it
// (unresolved: nothing saves until a version is chosen).
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { DraftT } from '../api.js';
import type { Editable } from '../drafts/syncMachine.js';
import { labels } from '../drafts/paragraphs.js';

/** One paragraph of one version, or a dash where that version has none. */
function Cell({ para, label, differs }: { para: Editable['paragraphs'][number] | undefined; label: string | undefined; differs: boolean }) {
  return (
    <div className={`conflict-cell ${differs ? 'differs' : ''}`}>
      {para ? (
        <>
          <b>{label}</b> {para.text}
        </>
      ) : (
        <span className="muted">—</span>
      )}
    </div>
  );
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab cycle within `root`; Esc calls `onEscape`. */
function trapKeys(e: KeyboardEvent, root: HTMLElement | null, onEscape: () => void) {
  if (e.key === 'Escape') {
    e.preventDefault();
    onEscape();
    return;
  }
  if (e.key !== 'Tab' || !root) return;
  const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
  if (!items.length) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next = e.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : at < 0 || at === items.length - 1 ? 0 : at + 1;
  e.preventDefault();
  items[next].focus();
}

export function ConflictDialog({ mine, theirs, onChoose, onClose }: { mine: Editable; theirs: DraftT; onChoose: (c: 'mine' | 'theirs') => void; onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  // Focus leaves the paragraph behind: what is typed now cannot land in it.
  useEffect(() => first.current?.focus(), []);
  const mineLabels = labels(mine.paragraphs);
  const theirLabels = labels(theirs.paragraphs);
  const rows = Math.max(mine.paragraphs.length, theirs.paragraphs.length);
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="conflict-title" ref={dialog} onKeyDown={(e) => trapKeys(e, dialog.current, onClose)}>
      <div className="modal conflict">
        <h2 id="conflict-title">This draft was changed elsewhere</h2>
        <p className="muted">
          Another tab or colleague saved version {theirs.version} (at {new Date(theirs.updatedAt).toLocaleTimeString()}) while you were editing. Nothing
          has been overwritten. Choose the text to keep; differing paragraphs are marked.
        </p>
        <div className="conflict-grid">
          <div className="conflict-head">Your version{mine.title !== theirs.title ? `: “${mine.title}”` : ''}</div>
          <div className="conflict-head">Saved version {theirs.version}{mine.title !== theirs.title ? `: “${theirs.title}”` : ''}</div>
          {Array.from({ length: rows }, (_, i) => {
            const a = mine.paragraphs[i];
            const b = theirs.paragraphs[i];
            const differs = a?.text !== b?.text || a?.section !== b?.section;
            return [
              <Cell key={`a${i}`} para={a} label={a && mineLabels.get(a.id)?.label} differs={differs} />,
              <Cell key={`b${i}`} para={b} label={b && theirLabels.get(b.id)?.label} differs={differs} />,
            ];
          })}
        </div>
        <div className="modal-actions">
          <button type="button" className="primary" ref={first} onClick={() => onChoose('mine')}>
            Keep mine (save over version {theirs.version})
          </button>
          <button type="button" onClick={() => onChoose('theirs')}>
            Take the saved version (discard mine)
          </button>
          <button type="button" onClick={onClose} title="Close (Esc): nothing is saved until you choose">
            Decide later
          </button>
        </div>
      </div>
    </div>
  );
}
