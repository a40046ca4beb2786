// One paragraph of the draft: its number or PP label, a drag handle, and either
// the typeset text (lead phrase emphasised, footnote markers raised) or, while
// edited, a plain textarea that never interferes with an IME composition, its
// footnotes standing in it as marker characters (web/drafts/footnoteMarks.ts)
// with their texts editable below it.
import { DRAFT_LIMITS } from '../../core/limits.js';
import { sourceModified } from '../../core/citation.js';
import { citationIn, labelIn, numberMarkIn } from '../../core/citation-in.js';
import { profileOf } from '../../core/languages/index.js';
import { useTranslation } from 'react-i18next';
import { useLayoutEffect, useRef, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { Para } from '../drafts/paragraphs.js';
import { MARKS, fromMarkedValue, markedValue, textOffset, valueOffset } from '../drafts/footnoteMarks.js';
import { DocParagraphText } from './DocParagraphText.js';
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
  onComposing: (composing: boolean) => void;
  onDragStart: (e: DragEvent) => void;
  onDragOver: (e: DragEvent, after: boolean) => void;
  onDrop: (e: DragEvent) => void;
  /** Shown at the end of the paragraph's first line: its negotiation status (web/drafts/ParagraphStatusBadge.tsx). */
  badge?: ReactNode;
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
  // The selection as typed: kept when the footnote markers are renumbered under it.
  const typedSelection = useRef<[start: number, end: number, length: number] | null>(null);

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
    if (!el || !typed || composing.current || el.value.length !== typed[2]) return;
    if (el.selectionStart !== typed[0] || el.selectionEnd !== typed[1]) el.setSelectionRange(typed[0], typed[1]);
  });

  useLayoutEffect(() => {
    const el = ta.current;
    if (!active || !el) return;
    if (document.activeElement !== el) el.focus({ preventScroll: false });
    if (caret != null) {
      const at = valueOffset(para, caret);
      el.setSelectionRange(at, at);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- placed once per focus request, not on every edit
  }, [active, caret, focusSeq]);

  /** The textarea's value, back as text and footnotes. */
  const onValue = (el: HTMLTextAreaElement) => {
    typedSelection.current = [el.selectionStart, el.selectionEnd, el.value.length];
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
      className={`para ${para.section} ${active ? 'active' : ''} ${props.dropHint ? `drop-${props.dropHint}` : ''}`}
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
            onKeyDown={onKeyDown}
            onCompositionStart={() => {
              composing.current = true;
              props.onComposing(true);
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
