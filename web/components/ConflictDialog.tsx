// Shown when a save met a newer version (409): both versions side by side,
// differing paragraphs marked, and the choice of which to keep. A modal in
// earnest: it takes focus when it opens, keeps Tab inside, and Esc closes it
// (unresolved: nothing saves until a version is chosen).
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { labelIn } from '../../core/citation-in.js';
import type { DraftT } from '../api.js';
import type { Editable } from '../drafts/syncMachine.js';
import { labels } from '../drafts/paragraphs.js';
import { formatTime } from '../lib/format.js';

/** One paragraph of one version (its label in the draft's language), or a dash where that version has none. */
function Cell({ para, label, language, differs }: { para: Editable['paragraphs'][number] | undefined; label: string | undefined; language: string; differs: boolean }) {
  return (
    <div className={`conflict-cell ${differs ? 'differs' : ''}`} lang={language} dir="auto">
      {para ? (
        <>
          <b>{label && labelIn(label, language)}</b> {para.text}
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
  const { t } = useTranslation();
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
        <h2 id="conflict-title">{t('conflict.heading')}</h2>
        <p className="muted">{t('conflict.explain', { version: theirs.version, time: formatTime(theirs.updatedAt) })}</p>
        <div className="conflict-grid">
          <div className="conflict-head">{mine.title !== theirs.title ? t('conflict.yoursTitled', { title: mine.title }) : t('conflict.yours')}</div>
          <div className="conflict-head">
            {mine.title !== theirs.title ? t('conflict.savedTitled', { version: theirs.version, title: theirs.title }) : t('conflict.saved', { version: theirs.version })}
          </div>
          {Array.from({ length: rows }, (_, i) => {
            const a = mine.paragraphs[i];
            const b = theirs.paragraphs[i];
            const differs = a?.text !== b?.text || a?.section !== b?.section;
            return [
              <Cell key={`a${i}`} para={a} label={a && mineLabels.get(a.id)?.label} language={theirs.language} differs={differs} />,
              <Cell key={`b${i}`} para={b} label={b && theirLabels.get(b.id)?.label} language={theirs.language} differs={differs} />,
            ];
          })}
        </div>
        <div className="modal-actions">
          <button type="button" className="primary" ref={first} onClick={() => onChoose('mine')}>
            {t('conflict.keepMine', { version: theirs.version })}
          </button>
          <button type="button" onClick={() => onChoose('theirs')}>
            {t('conflict.takeTheirs')}
          </button>
          <button type="button" onClick={onClose} title={t('conflict.laterTitle')}>
            {t('conflict.later')}
          </button>
        </div>
      </div>
    </div>
  );
}
