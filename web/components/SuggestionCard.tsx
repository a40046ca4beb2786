// One precedent: its citation (symbol, label, date, body), agreed or not, the
// similarity, the text with the passages it shares with the draft marked, and
// when selected an inline diff from the typed text to the precedent.
import { useMemo, type MouseEvent } from 'react';
import type { SuggestResult } from '../api.js';
import { citation } from '../../core/citation.js';
import { inlineDiff } from '../../core/diff/inline.js';
import { formatDate, formatPercent } from '../lib/format.js';
import { Highlight } from './Highlight.js';
import { InlineChanges } from './InlineChanges.js';
import { LeadText } from './Lead.js';

export interface CardActions {
  insert: () => void;
  replace: () => void;
  copy: () => void;
}

/**
 * Mouse-down on a card selects it (and opens its diff), except on its action
 * buttons: opening the diff there would move the button from under the
 * pointer and the click would be lost.
 */
function selectUnlessAction(e: MouseEvent, onSelect: () => void) {
  if (e.target instanceof Element && e.target.closest('.s-actions')) return;
  onSelect();
}

export function SuggestionCard({ r, typed, selected, copied, onSelect, actions }: { r: SuggestResult; typed: string; selected: boolean; copied: boolean; onSelect: () => void; actions: CardActions }) {
  const cite = citation(r.document, r.paragraph.label);
  const pct = formatPercent(r.similarity);
  const changes = useMemo(() => (selected ? inlineDiff(typed, r.paragraph.text, r.document.language) : null), [selected, typed, r]);
  const earlier = r.earlierVersions?.length ?? 0;
  return (
    <li className={`suggestion ${selected ? 'selected' : ''}`} role="option" aria-selected={selected} data-paragraph={r.paragraph.id} data-citation={cite} onMouseDown={(e) => selectUnlessAction(e, onSelect)}>
      <div className="s-head">
        <span className="cite">{cite}</span>
        <span className={`badge ${r.agreed ? 'agreed' : 'not-agreed'}`}>{r.agreed ? 'agreed' : r.document.kind}</span>
        <span className="sim" title={`Similarity ${r.similarity === 1 ? '1 (the same text)' : r.similarity.toFixed(3)}`}>
          <span className="sim-track">
            <span className="sim-bar" style={{ width: pct }} />
          </span>
          <span className="sim-num">{pct}</span>
        </span>
      </div>
      <div className="s-meta muted small">
        {formatDate(r.document.date)} · {r.document.body}
        {earlier > 0 && ` · also in ${earlier} earlier version${earlier > 1 ? 's' : ''}`}
        {r.laterVersions?.length ? ` · reworded later in ${r.laterVersions[0].symbol ?? 'a later version'}` : ''}
      </div>
      <div className="s-text" lang={r.document.language}>
        {r.shared.length ? <Highlight text={r.paragraph.text} ranges={r.shared.map((s) => s.to)} /> : <LeadText text={r.paragraph.text} language={r.document.language} lead={r.paragraph.lead} />}
      </div>
      {changes && (
        <div className="s-diff">
          <div className="s-legend muted small">
            Your text → the precedent: <ins>only in the precedent</ins> <del>only in your text</del>
          </div>
          <div className="s-text" lang={r.document.language}>
            <InlineChanges changes={changes} lang={r.document.language} />
          </div>
        </div>
      )}
      <div className="s-actions">
        <button type="button" onClick={actions.insert} title="Insert as a new paragraph after this one (Enter)">
          Insert
        </button>
        <button type="button" onClick={actions.replace} title="Replace the paragraph with this text (R)">
          Replace
        </button>
        <button type="button" onClick={actions.copy} title="Copy the citation (C)">
          {copied ? 'Copied' : 'Copy citation'}
        </button>
      </div>
    </li>
  );
}
