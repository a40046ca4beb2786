// A comparison of two texts as a negotiator reads it: counts at the top, then
// every aligned pair side by side or inline, its kind (modified, split, merged,
// added, removed) marked and a "moved" marker beside it when its order changed,
// routine and editorial updates told apart from substantive edits, and
// next/previous change navigation (buttons, or n / p).
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelIn } from '../../core/citation-in.js';
import type { DiffPair, DiffResponse } from '../api.js';
import { InlineChanges } from './InlineChanges.js';
import { formatNumber, formatPercent } from '../lib/format.js';

/** The counts in order; each count's tooltip (diff.kindTitle) says what it means: the kinds add up to the pairs shown. */
const KIND_ORDER = ['modified', 'added', 'removed', 'split', 'merged', 'unchanged'] as const;

const isChange = (p: DiffPair) => p.kind !== 'unchanged' || p.moved;

function Side({ pair, side, lang }: { pair: DiffPair; side: 'from' | 'to'; lang: string }) {
  const drop = side === 'from' ? 'insert' : 'delete';
  const changes = pair.changes.filter((c) => c.type !== drop);
  if ((side === 'from' && pair.kind === 'added') || (side === 'to' && pair.kind === 'removed')) return <div className="cell empty" />;
  return (
    <div className="cell" dir="auto">
      <InlineChanges changes={changes} lang={lang} />
    </div>
  );
}

export function DiffView({ diff, fromName, toName }: { diff: DiffResponse; fromName: string; toName: string }) {
  const { t, i18n } = useTranslation();
  // From the older text to the newer one: the arrow points the way the interface reads.
  const arrow = i18n.dir() === 'rtl' ? '←' : '→';
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

  // Each side's labels in its own document's language ("OP 8", "执行部分第8段").
  const labels = (ids: string[], language: string) => ids.map((l) => labelIn(l, language)).join(' + ');
  return (
    <div className="diff">
      <div className="diff-bar">
        <div className="counts" data-changes={changeIdx.length}>
          {KIND_ORDER.map((k) => (
            <span key={k} className={`count k-${k}`} data-kind={k} title={t(`diff.kindTitle.${k}`)}>
              <b>{formatNumber(s[k])}</b> {t(`diff.kind.${k}`)}
            </span>
          ))}
          <span className="count k-moved" data-count="moved" title={t('diff.movedTitle')}>
            <b>{formatNumber(s.moved)}</b> {t('diff.kind.moved')}
          </span>
          <span className="count k-routine" data-count="routine" title={t('diff.routineTitle')}>
            <b>{formatNumber(s.routineOnly)}</b> {t('diff.routineOnly')}
          </span>
          <span className="count" title={t('diff.carriedTitle')}>
            <b>{formatPercent(s.carriedOver)}</b> {t('diff.carriedOver')}
          </span>
        </div>
        <div className="diff-controls">
          <div className="seg" role="group" aria-label={t('diff.view')}>
            <button type="button" aria-pressed={mode === 'side'} onClick={() => setMode('side')}>
              {t('diff.sideBySide')}
            </button>
            <button type="button" aria-pressed={mode === 'inline'} onClick={() => setMode('inline')}>
              {t('diff.inline')}
            </button>
          </div>
          <label className="check">
            <input type="checkbox" checked={hideUnchanged} onChange={(e) => setHideUnchanged(e.target.checked)} /> {t('diff.onlyChanges')}
          </label>
          <button type="button" onClick={() => go(-1)} disabled={!changeIdx.length} title={t('diff.prevTitle')}>
            {t('diff.prev')}
          </button>
          <button type="button" onClick={() => go(1)} disabled={!changeIdx.length} title={t('diff.nextTitle')}>
            {t('diff.next')}
          </button>
          <span className="muted small">
            {changeIdx.length
              ? t('diff.position', { at: formatNumber(Math.max(0, changeIdx.indexOf(current)) + (current >= 0 ? 1 : 0)), count: formatNumber(changeIdx.length) })
              : t('diff.none')}
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
                  {p.fromLabels.length ? labels(p.fromLabels, diff.from.language) : '—'} {arrow} {p.toLabels.length ? labels(p.toLabels, diff.to.language) : '—'}
                </div>
                <span className={`kind k-${p.kind}`}>{t(`diff.kind.${p.kind}`)}</span>
                {p.moved && (
                  <span className="kind k-moved" title={t('diff.pairMovedTitle')}>
                    {t('diff.kind.moved')}
                  </span>
                )}
                {p.routineOnly && <span className="kind k-routine">{t('diff.kind.routine')}</span>}
              </div>
              {mode === 'side' ? (
                <>
                  <Side pair={p} side="from" lang={lang} />
                  <Side pair={p} side="to" lang={lang} />
                </>
              ) : (
                <div className="cell" dir="auto">
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
