// A comparison of two texts as a negotiator reads it: counts at the top, then
// every aligned pair side by side or inline, its kind (modified, split, merged,
// added, removed) marked and a "moved" marker beside it when its order changed,
// routine and editorial updates told apart from substantive edits, and
// next/previous change navigation (buttons, or n / p).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DiffPair, DiffResponse } from '../api.js';
import { InlineChanges } from './InlineChanges.js';
import { formatPercent } from '../lib/format.js';

/** What each count means, as its tooltip says: the kinds add up to the pairs shown. */
const KIND_TITLE: Record<DiffPair['kind'], string> = {
  modified: 'Paragraphs whose text changed (routine and editorial updates included)',
  added: 'Paragraphs of the newer text with no predecessor',
  removed: 'Paragraphs of the older text with no successor',
  split: 'Older paragraphs now split over several newer ones',
  merged: 'Newer paragraphs made of several older ones',
  unchanged: 'Paragraphs whose text is identical, character for character',
};
const KIND_ORDER = ['modified', 'added', 'removed', 'split', 'merged', 'unchanged'] as const;

const isChange = (p: DiffPair) => p.kind !== 'unchanged' || p.moved;

function Side({ pair, side, lang }: { pair: DiffPair; side: 'from' | 'to'; lang: string }) {
  const drop = side === 'from' ? 'insert' : 'delete';
  const changes = pair.changes.filter((c) => c.type !== drop);
  if ((side === 'from' && pair.kind === 'added') || (side === 'to' && pair.kind === 'removed')) return <div className="cell empty" />;
  return (
    <div className="cell">
      <InlineChanges changes={changes} lang={lang} />
    </div>
  );
}

export function DiffView({ diff, fromName, toName }: { diff: DiffResponse; fromName: string; toName: string }) {
  const [mode, setMode] = useState<'side' | 'inline'>('side');
  const [hideUnchanged, setHideUnchanged] = useState(false);
  const [current, setCurrent] = useState(-1);
  const rows = useRef<HTMLDivElement>(null);
  const lang = diff.to.language || diff.from.language;
  const changeIdx = useMemo(() => diff.pairs.map((p, i) => (isChange(p) ? i : -1)).filter((i) => i >= 0), [diff]);
  const s = diff.stats;

  const go = (dir: 1 | -1) => {
    if (!changeIdx.length) return;
    const pos = changeIdx.indexOf(current);
    const next = pos < 0 ? (dir === 1 ? changeIdx[0] : changeIdx[changeIdx.length - 1]) : changeIdx[(pos + dir + changeIdx.length) % changeIdx.length];
    setCurrent(next);
  };

  useEffect(() => {
    if (current < 0) return;
    rows.current?.querySelector(`[data-pair="${current}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [current]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (t.closest('input, textarea, select, [contenteditable]') || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'n' || e.key === 'j') go(1);
      else if (e.key === 'p' || e.key === 'k') go(-1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const labels = (ids: string[]) => ids.join(' + ');
  return (
    <div className="diff">
      <div className="diff-bar">
        <div className="counts" data-changes={changeIdx.length}>
          {KIND_ORDER.map((k) => (
            <span key={k} className={`count k-${k}`} data-kind={k} title={KIND_TITLE[k]}>
              <b>{s[k]}</b> {k}
            </span>
          ))}
          <span className="count k-moved" data-count="moved" title="Pairs whose order changed, each also counted under its kind above">
            <b>{s.moved}</b> moved
          </span>
          <span className="count k-routine" data-count="routine" title="Changed pairs whose only edits are routine (dates, symbols, session numbers) or editorial (letter case, spacing)">
            <b>{s.routineOnly}</b> routine only
          </span>
          <span className="count" title="Share of the newer text carried over unchanged">
            <b>{formatPercent(s.carriedOver)}</b> carried over
          </span>
        </div>
        <div className="diff-controls">
          <div className="seg" role="group" aria-label="View">
            <button type="button" aria-pressed={mode === 'side'} onClick={() => setMode('side')}>
              Side by side
            </button>
            <button type="button" aria-pressed={mode === 'inline'} onClick={() => setMode('inline')}>
              Inline
            </button>
          </div>
          <label className="check">
            <input type="checkbox" checked={hideUnchanged} onChange={(e) => setHideUnchanged(e.target.checked)} /> Only changes
          </label>
          <button type="button" onClick={() => go(-1)} disabled={!changeIdx.length} title="Previous change (p)">
            ↑ Prev
          </button>
          <button type="button" onClick={() => go(1)} disabled={!changeIdx.length} title="Next change (n)">
            ↓ Next
          </button>
          <span className="muted small">
            {changeIdx.length ? `${Math.max(0, changeIdx.indexOf(current)) + (current >= 0 ? 1 : 0)} / ${changeIdx.length} changes` : 'No changes'}
          </span>
        </div>
      </div>
      {mode === 'side' && (
        <div className="diff-cols-head">
          <div className="lbl" />
          <div>{fromName}</div>
          <div>{toName}</div>
        </div>
      )}
      <div className={`diff-rows mode-${mode}`} ref={rows} lang={lang}>
        {diff.pairs.map((p, i) =>
          hideUnchanged && !isChange(p) ? null : (
            <div
              key={i}
              className={`pair k-${p.kind} ${p.moved ? 'is-moved' : ''} ${p.routineOnly ? 'is-routine' : ''} ${i === current ? 'current' : ''}`}
              data-pair={i}
              data-kind={p.kind}
              data-moved={p.moved ? 'true' : 'false'}
            >
              <div className="lbl">
                <div className="labels">
                  {p.fromLabels.length ? labels(p.fromLabels) : '—'} → {p.toLabels.length ? labels(p.toLabels) : '—'}
                </div>
                <span className={`kind k-${p.kind}`}>{p.kind}</span>
                {p.moved && (
                  <span className="kind k-moved" title="Its order changed relative to the other paragraphs">
                    moved
                  </span>
                )}
                {p.routineOnly && <span className="kind k-routine">routine</span>}
              </div>
              {mode === 'side' ? (
                <>
                  <Side pair={p} side="from" lang={lang} />
                  <Side pair={p} side="to" lang={lang} />
                </>
              ) : (
                <div className="cell">
                  <InlineChanges changes={p.changes} lang={lang} />
                </div>
              )}
            </div>
          ),
        )}
      </div>
    </div>
  );
}
