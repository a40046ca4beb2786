// One paragraph of the draft: its number or PP label, a drag handle, and either
// the typeset text (lead phrase emphasised) or, while edited, a plain textarea
// that never interferes with an IME composition.
import { DRAFT_LIMITS } from '../../core/limits.js';
import { sourceModified } from '../../core/citation.js';
import { useLayoutEffect, useRef, type DragEvent, type KeyboardEvent } from 'react';
import type { Para } from '../drafts/paragraphs.js';
import { LeadText } from './Lead.js';
import { linkClick } from '../lib/router.js';
import { commandForKey, type BlockCommand } from '../drafts/keyboard.js';

export interface BlockProps {
  para: Para;
  label: string;
  number: number;
  language: string;
  active: boolean;
  /** Where to put the caret when this block becomes active (null: leave it). */
  caret: number | null;
  dropHint: 'before' | 'after' | null;
  onActivate: (caret: number | null) => void;
  onText: (text: string) => void;
  onCommand: (c: BlockCommand) => void;
  onComposing: (composing: boolean) => void;
  onDragStart: (e: DragEvent) => void;
  onDragOver: (e: DragEvent, after: boolean) => void;
  onDrop: (e: DragEvent) => void;
}

/** The character offset under a click in the typeset text. */
function offsetAtPoint(root: HTMLElement, x: number, y: number): number | null {
  const range = document.caretRangeFromPoint?.(x, y);
  if (!range || !root.contains(range.startContainer)) return null;
  const pre = document.createRange();
  pre.selectNodeContents(root);
  pre.setEnd(range.startContainer, range.startOffset);
  return pre.toString().length;
}

export function ParagraphBlock(props: BlockProps) {
  const { para, label, number, language, active, caret } = props;
  const ta = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);

  useLayoutEffect(() => {
    const el = ta.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  });

  useLayoutEffect(() => {
    const el = ta.current;
    if (!active || !el) return;
    if (document.activeElement !== el) el.focus({ preventScroll: false });
    if (caret != null) el.setSelectionRange(caret, caret);
  }, [active, caret]);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Keys that belong to an IME composition are never ours.
    if (e.nativeEvent.isComposing || composing.current || e.keyCode === 229) return;
    const el = e.currentTarget;
    const command = commandForKey(e, { start: el.selectionStart, end: el.selectionEnd, length: el.value.length });
    if (!command) return;
    e.preventDefault();
    props.onCommand(command);
  };

  const overLimit = para.text.length > DRAFT_LIMITS.paragraphText;
  return (
    <li
      className={`para ${para.section} ${active ? 'active' : ''} ${props.dropHint ? `drop-${props.dropHint}` : ''}`}
      data-para={para.id}
      data-label={label}
      onDragOver={(e) => {
        const r = e.currentTarget.getBoundingClientRect();
        props.onDragOver(e, e.clientY > r.top + r.height / 2);
      }}
      onDrop={props.onDrop}
    >
      <div className="gutter">
        <span className="handle" draggable onDragStart={props.onDragStart} title="Drag to move (or Alt+↑/↓)" aria-label={`Move ${label}`}>
          ⋮⋮
        </span>
        <span className="num" title={label}>
          {para.section === 'operative' ? `${number}.` : <span className="pp">PP {number}</span>}
        </span>
      </div>
      <div className="para-body">
        {active ? (
          <textarea
            ref={ta}
            className="para-input"
            value={para.text}
            lang={language}
            dir={language === 'ar' ? 'rtl' : 'auto'}
            aria-label={`${label} text`}
            placeholder={para.section === 'preamble' ? 'Preambular paragraph…' : 'Operative paragraph…'}
            rows={1}
            onChange={(e) => props.onText(e.target.value)}
            onKeyDown={onKeyDown}
            onCompositionStart={() => {
              composing.current = true;
              props.onComposing(true);
            }}
            onCompositionEnd={(e) => {
              composing.current = false;
              props.onComposing(false);
              props.onText(e.currentTarget.value);
            }}
          />
        ) : (
          <div
            className={`para-text ${para.text ? '' : 'empty'}`}
            lang={language}
            dir={language === 'ar' ? 'rtl' : 'auto'}
            tabIndex={0}
            role="textbox"
            aria-label={`${label} text`}
            onMouseUp={(e) => {
              if (window.getSelection()?.isCollapsed === false) return; // selecting text to copy
              props.onActivate(offsetAtPoint(e.currentTarget, e.clientX, e.clientY));
            }}
            onFocus={(e) => {
              if (e.currentTarget.matches(':focus-visible')) props.onActivate(null);
            }}
          >
            {para.text ? <LeadText text={para.text} language={language} lead={para.lead} /> : <span className="muted">Empty paragraph</span>}
          </div>
        )}
        {(para.source || overLimit) && (
          <div className="provenance">
            {para.source && (
              <>
                from{' '}
                <a href={`/documents/${para.source.documentId}?p=${encodeURIComponent(para.source.paragraphId)}`} onClick={linkClick} className="cite">
                  {para.source.citation}
                </a>
                {sourceModified(para.text, para.source) && <span className="modified">, modified</span>}
                {' · '}
                <a href={`/paragraphs/${para.source.paragraphId}/lineage`} onClick={linkClick}>
                  lineage
                </a>
              </>
            )}
            {overLimit && <span className="warn"> Over the {DRAFT_LIMITS.paragraphText.toLocaleString('en')}-character limit: this paragraph will not save until shortened or split.</span>}
          </div>
        )}
      </div>
      <div className="para-actions">
        <button type="button" title="Move up (Alt+↑)" onClick={() => props.onCommand({ kind: 'move', delta: -1 })} aria-label={`Move ${label} up`}>
          ↑
        </button>
        <button type="button" title="Move down (Alt+↓)" onClick={() => props.onCommand({ kind: 'move', delta: 1 })} aria-label={`Move ${label} down`}>
          ↓
        </button>
        <button type="button" title={para.section === 'preamble' ? 'Make operative (Alt+S)' : 'Make preambular (Alt+S)'} onClick={() => props.onCommand({ kind: 'toggle-section' })}>
          {para.section === 'preamble' ? '→OP' : '→PP'}
        </button>
        <button type="button" title="Delete paragraph (Ctrl+Shift+Backspace)" onClick={() => props.onCommand({ kind: 'delete' })} aria-label={`Delete ${label}`}>
          ×
        </button>
      </div>
    </li>
  );
}
