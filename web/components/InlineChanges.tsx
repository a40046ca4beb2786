// Renders inline changes (equal / insert / delete), routine updates (dates,
// symbols, sessions) set apart from substantive edits.
import type { DiffPair } from '../api.js';

type Change = DiffPair['changes'][number];

export function InlineChanges({ changes, lang }: { changes: Change[]; lang?: string }) {
  return (
    <span lang={lang}>
      {changes.map((c, i) =>
        c.type === 'equal' ? (
          <span key={i}>{c.text}</span>
        ) : c.type === 'insert' ? (
          <ins key={i} className={c.routine ? 'routine' : undefined} title={c.routine ? 'Routine update' : 'Added'}>
            {c.text}
          </ins>
        ) : (
          <del key={i} className={c.routine ? 'routine' : undefined} title={c.routine ? 'Routine update' : 'Removed'}>
            {c.text}
          </del>
        ),
      )}
    </span>
  );
}
