// A panel that opens under a page's head (sharing, history): a card with a
// titled head and a close button, and the outcome of its last action.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome } from '../lib/useAction.js';

export function Panel({ id, title, className, onClose, children }: { id: string; title: string; className: string; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className={`card panel ${className}`} aria-labelledby={id}>
      <div className="panel-head">
        <h2 id={id}>{title}</h2>
        <button type="button" onClick={onClose} aria-label={t('common.dismiss')}>
          ×
        </button>
      </div>
      {children}
    </section>
  );
}

/** What an action came to: a success line (status) or the server's refusal (alert). */
export function OutcomeNote({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <p className={outcome.ok ? 'ok-note' : 'error-note'} role={outcome.ok ? 'status' : 'alert'}>
      {outcome.text}
    </p>
  );
}
