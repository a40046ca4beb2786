// Renders inline changes (equal / insert / delete), routine updates (dates,
// symbols, sessions) and editorial ones (letter case, spacing) set apart from
// substantive edits.
import type { DiffPair } from '../api.js';

type Change = DiffPair['changes'][number];

const title = (c: Change, plain: string) => (c.editorial ? 'Editorial change (letter case, spacing)' : c.routine ? 'Routine update' : plain);
const className = (c: Change) => (c.editorial ? 'routine editorial' : c.routine ? 'routine' : undefined);

export function InlineChanges({ changes, lang }: { changes: Change[]; lang?: string }) {
  return (
    <span lang={lang}>
      {changes.map((c, i) =>
        c.type === 'equal' ? (
          <span key={i}>{c.text}</span>
        ) : c.type === 'insert' ? (
          <ins key={i} className={className(c)} title={title(c, 'Added')}>
            {c.text}
          </ins>
        ) : (
          <del key={i} className={className(c)} title={title(c, 'Removed')}>
            {c.text}
          </del>
        ),
      )}
    </span>
  );
}
