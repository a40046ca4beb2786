// One paragraph of the draft: its number or PP label, a drag handle, and either
// the typeset text (lead phrase emphasised, footnote markers raised) or, while
// edited, a plain textarea that never interferes with an IME composition, its
// footnotes standing in it as marker characters (web/drafts/footnoteMarks.ts)
// with their texts editable below it. Co-editors in the paragraph show in its
// margin; their typing keeps this editor's caret where it was in the text.
import { DRAFT_LIMITS } from '../../core/limits.js';
import { sourceModified } from '../../core/citation.js';
import { citationIn, labelIn, numberMarkIn } from '../../core/citation-in.js';
import { profileOf } from '../../core/languages/index.js';
import { useTranslation } from 'react-i18next';
import { useLayoutEffect, useRef, type CSSProperties, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { Para } from '../drafts/paragraphs.js';
import { MARKS, fromMarkedValue, markedValue, textOffset, valueOffset } from '../drafts/footnoteMarks.js';
import { DocParagraphText } from './DocParagraphText.js';
import { commonEnds } from '../../core/footnotes.js';
import type { Peer } from '../drafts/presence.js';
import { PeerChip } from '../drafts/PresenceList.js';
import { linkClick } from '../lib/router.js';
import { formatNumber } from '../lib/format.js';
import { commandForKey, type BlockCommand } from '../drafts/keyboard.js';

export interface BlockProps {
  para: Para;
  /** The stored label ("PP 3", "OP 8"); shown in the draft's language. */
  label: string;
  number: number;
  language: string;
  active: boolean;
  /** Where to put the caret when this block becomes active (null: leave it), in the text. */
  caret: number | null;
  /** Changes with every request to focus this block, so a repeated request still focuses it. */
  focusSeq: number;
  dropHint: 'before' | 'after' | null;
  onActivate: (caret: number | null) => void;
  /** The text changed, and with it maybe its footnotes (moved, deleted, their text edited). */
  onText: (text: string, footnotes?: Para['footnotes']) => void;
  onCommand: (c: BlockCommand) => void;
  /** An IME composition begins (with the selection it replaces, in the marked value) or ends. */
  onComposing: (composing: boolean, selection?: [start: number, end: number]) => void;
  /** Co-editors whose caret is in this paragraph. */
  peers?: Peer[];
  onDragStart: (e: DragEvent) => void;
  onDragOver: (e: DragEvent, after: boolean) => void;
  onDrop: (e: DragEvent) => void;
  /** Shown at the end of the paragraph's first line: its negotiation status (web/drafts/ParagraphStatusBadge.tsx). */
  badge?: ReactNode;
}

/** Where an offset in `before` is in `after`, the text changed around it by someone else. */
function followOffset(before: string, after: string, offset: number): number {
  const { head, tail } = commonEnds(before, after);
  if (offset <= head) return offset;
  if (offset >= before.length - tail) return offset + after.length - before.length;
  return after.length - tail;
}

/** The character offset in the text under a click in the typeset text (footnote markers are not text). */
function offsetAtPoint(root: HTMLElement, x: number, y: number): number | null {
  const range = document.caretRangeFromPoint?.(x, y);
  if (!range || !root.contains(range.startContainer)) return null;
  const pre = document.createRange();
  pre.selectNodeContents(root);
  pre.setEnd(range.startContainer, range.startOffset);
  const before = pre.cloneContents();
  before.querySelectorAll('sup.fn').forEach((sup) => sup.remove());
  return before.textContent.length;
}

export function ParagraphBlock(props: BlockProps) {
  const { para, number, language, active, caret, focusSeq } = props;
  const { t } = useTranslation();
  // The paragraph named as the draft's language names it ("执行部分第8段"), in text and in what a screen reader says.
  const label = labelIn(props.label, language);
  const dir = profileOf(language).rtl ? 'rtl' : 'auto';
  const ta = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);
  const value = markedValue(para);
  // The selection and value as typed: the selection is kept when the footnote markers are
  // renumbered under it, and follows the words when a co-editor's change arrived meanwhile.
  const typedSelection = useRef<[start: number, end: number, value: string] | null>(null);
  // The value shown and the selection in it, before a co-editor's change replaces it.
  const shownValue = useRef(value);
  const lastSelection = useRef<[start: number, end: number]>([0, 0]);

  useLayoutEffect(() => {
    const el = ta.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  });

  useLayoutEffect(() => {
    const el = ta.current;
    const typed = typedSelection.current;
    typedSelection.current = null;
    const before = shownValue.current;
    shownValue.current = value;
    if (!el || composing.current) return;
    if (typed) {
      const [start, end] = typed[2].length === el.value.length ? [typed[0], typed[1]] : [typed[0], typed[1]].map((o) => followOffset(typed[2], el.value, o));
      if (el.selectionStart !== start || el.selectionEnd !== end) el.setSelectionRange(start, end);
      // The next co-editor's change maps from here (the browser's select event may come after it).
      lastSelection.current = [start, end];
      return;
    }
    if (before !== value && document.activeElement === el) {
      // A co-editor's change: the caret stays by the words it was next to.
      const [start, end] = lastSelection.current.map((o) => followOffset(before, value, o));
      el.setSelectionRange(start, end);
      lastSelection.current = [start, end];
    }
  });

  useLayoutEffect(() => {
    const el = ta.current;
    if (!active || !el) return;
    if (document.activeElement !== el) el.focus({ preventScroll: false });
    if (caret != null) {
      const at = valueOffset(para, caret);
      el.setSelectionRange(at, at);
      lastSelection.current = [at, at];
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- placed once per focus request, not on every edit
  }, [active, caret, focusSeq]);

  /** The textarea's value, back as text and footnotes. */
  const onValue = (el: HTMLTextAreaElement) => {
    typedSelection.current = [el.selectionStart, el.selectionEnd, el.value];
    lastSelection.current = [el.selectionStart, el.selectionEnd];
    const next = fromMarkedValue(para, el.value);
    props.onText(next.text, para.footnotes ? next.footnotes : undefined);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Keys that belong to an IME composition are never ours.
    if (e.nativeEvent.isComposing || composing.current || e.keyCode === 229) return;
    const el = e.currentTarget;
    const command = commandForKey(e, { start: el.selectionStart, end: el.selectionEnd, length: el.value.length });
    if (!command) return;
    e.preventDefault();
    props.onCommand(command.kind === 'split' ? { ...command, at: textOffset(el.value, command.at) } : command);
  };

  const overLimit = para.text.length > DRAFT_LIMITS.paragraphText;
  return (
    <li
      className={`para ${para.section} ${active ? 'active' : ''} ${props.dropHint ? `drop-${props.dropHint}` : ''} ${props.peers?.length ? 'with-peer' : ''}`}
      style={props.peers?.length ? ({ '--peer-colour': props.peers[0].colour } as CSSProperties) : undefined}
      data-para={para.id}
      data-label={props.label}
      onDragOver={(e) => {
        const r = e.currentTarget.getBoundingClientRect();
        props.onDragOver(e, e.clientY > r.top + r.height / 2);
      }}
      onDrop={props.onDrop}
    >
      <div className="gutter">
        <span className="handle" draggable onDragStart={props.onDragStart} title={t('block.drag')} aria-label={t('block.move', { label })}>
          ⋮⋮
        </span>
        <span className="num" title={label} lang={language}>
          {para.section === 'operative' ? numberMarkIn(number, language) : <span className="pp">{label}</span>}
        </span>
        {props.peers?.map((peer) => <PeerChip key={peer.clientId} peer={peer} />)}
      </div>
      <div className="para-body">
        {props.badge && !active && <span className="para-status">{props.badge}</span>}
        {active ? (
          <textarea
            ref={ta}
            className="para-input"
            value={value}
            lang={language}
            dir={dir}
            aria-label={t('block.textAria', { label })}
            placeholder={para.section === 'preamble' ? t('block.placeholderPreamble') : t('block.placeholderOperative')}
            rows={1}
            onChange={(e) => onValue(e.currentTarget)}
            onSelect={(e) => {
              lastSelection.current = [e.currentTarget.selectionStart, e.currentTarget.selectionEnd];
            }}
            onKeyDown={onKeyDown}
            onCompositionStart={(e) => {
              composing.current = true;
              props.onComposing(true, [e.currentTarget.selectionStart, e.currentTarget.selectionEnd]);
            }}
            onCompositionEnd={(e) => {
              composing.current = false;
              props.onComposing(false);
              onValue(e.currentTarget);
            }}
          />
        ) : (
          <div
            className={`para-text ${para.text ? '' : 'empty'}`}
            lang={language}
            dir={dir}
            tabIndex={0}
            role="textbox"
            aria-label={t('block.textAria', { label })}
            onMouseUp={(e) => {
              if (window.getSelection()?.isCollapsed === false) return; // selecting text to copy
              props.onActivate(offsetAtPoint(e.currentTarget, e.clientX, e.clientY));
            }}
            onFocus={(e) => {
              if (e.currentTarget.matches(':focus-visible')) props.onActivate(null);
            }}
          >
            {para.text ? <DocParagraphText p={para} language={language} /> : <span className="muted">{t('block.empty')}</span>}
          </div>
        )}
        {active && para.footnotes && para.footnotes.length > 0 && (
          <ol className="fn-edit" aria-label={t('block.footnotesAria', { label })}>
            {[...para.footnotes]
              .sort((a, b) => a.offset - b.offset)
              .map((f, i, notes) => (
                <li key={i}>
                  <span className="fn-mark" title={t('block.footnoteMarkTitle')}>
                    {MARKS[i] ?? ''}
                  </span>
                  <span className="fn-marker muted small">{t('block.note', { marker: f.marker })}</span>
                  <input
                    className="fn-text"
                    value={f.text}
                    lang={language}
                    aria-label={t('block.footnoteAria', { marker: f.marker })}
                    onChange={(e) => props.onText(para.text, notes.map((n, j) => (j === i ? { ...n, text: e.target.value } : n)))}
                  />
                </li>
              ))}
          </ol>
        )}
        {(para.source || overLimit) && (
          <div className="provenance">
            {para.source && (
              <>
                {t('block.from')}{' '}
                <a
                  href={`/documents/${para.source.documentId}?p=${encodeURIComponent(para.source.paragraphId)}`}
                  onClick={linkClick}
                  className="cite"
                  lang={language}
                  dir="auto"
                  data-citation={para.source.citation}
                >
                  {citationIn(para.source.citation, language)}
                </a>
                {sourceModified(para.text, para.source) && <span className="modified">{t('block.modified')}</span>}
                {' · '}
                <a href={`/paragraphs/${para.source.paragraphId}/lineage`} onClick={linkClick}>
                  {t('common.lineage')}
                </a>
              </>
            )}
            {overLimit && <span className="warn"> {t('block.overLimit', { limit: formatNumber(DRAFT_LIMITS.paragraphText) })}</span>}
          </div>
        )}
      </div>
      <div className="para-actions">
        <button type="button" title={t('block.moveUp')} onClick={() => props.onCommand({ kind: 'move', delta: -1 })} aria-label={t('block.moveUpAria', { label })}>
          ↑
        </button>
        <button type="button" title={t('block.moveDown')} onClick={() => props.onCommand({ kind: 'move', delta: 1 })} aria-label={t('block.moveDownAria', { label })}>
          ↓
        </button>
        <button type="button" title={para.section === 'preamble' ? t('block.makeOperative') : t('block.makePreambular')} onClick={() => props.onCommand({ kind: 'toggle-section' })}>
          {para.section === 'preamble' ? t('block.toOperative') : t('block.toPreambular')}
        </button>
        <button type="button" title={t('block.delete')} onClick={() => props.onCommand({ kind: 'delete' })} aria-label={t('block.deleteAria', { label })}>
          ×
        </button>
      </div>
    </li>
  );
}
