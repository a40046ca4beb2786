// The drafting desk: the draft's title, its preamble and operative part as
// lists of paragraph blocks (auto-numbered; add, delete with undo, move by
// keyboard or drag, split, merge), autosave state, and the precedent panel
// fed by the paragraph being edited.
import { DRAFT_LIMITS } from '../../core/limits.js';
import { profileOf } from '../../core/languages/index.js';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { citation } from '../../core/citation.js';
import type { SuggestResult } from '../api.js';
import { useDraftSync } from '../lib/draftSync.js';
import { linkClick } from '../lib/router.js';
import { languageName } from '../lib/format.js';
import * as P from '../lib/paragraphs.js';
import { ParagraphBlock, type BlockCommand } from '../components/ParagraphBlock.js';
import { PrecedentPanel } from '../components/PrecedentPanel.js';
import { SaveBadge } from '../components/SaveBadge.js';
import { ConflictDialog } from '../components/ConflictDialog.js';
import { ErrorNote, Loading } from '../components/Status.js';
import { DraftExport } from '../components/DraftExport.js';
import { DocumentLink } from '../components/DocumentLink.js';
import { ImportNoticeBar } from '../components/ImportNoticeBar.js';
import { clearImportNotice, peekImportNotice } from '../lib/importNotice.js';

type Focus = { id: string; caret: number | null; seq: number };

export function EditorPage({ id }: { id: string }) {
  const sync = useDraftSync(id);
  const { local, draft, edit } = sync;
  const [focus, setFocus] = useState<Focus | null>(null);
  const [composing, setComposing] = useState(false);
  const [lastInputAt, setLastInputAt] = useState(0);
  const [panelFocus, setPanelFocus] = useState(0);
  const [undo, setUndo] = useState<{ para: P.Para; index: number; label: string } | null>(null);
  const [drag, setDrag] = useState<{ id: string; over: { id: string; after: boolean } | null } | null>(null);
  const seq = useRef(0);
  // A draft just imported opens with what the import saw (read once).
  const [importNotice, setImportNotice] = useState(() => peekImportNotice(id));
  useEffect(() => clearImportNotice(id), [id]);
  const language = draft?.language ?? 'en';

  const focusOn = useCallback((pid: string, caret: number | null) => setFocus({ id: pid, caret, seq: ++seq.current }), []);
  const paras = local?.paragraphs ?? [];
  const labelMap = useMemo(() => P.labels(paras), [paras]);
  const active = paras.find((p) => p.id === focus?.id) ?? null;

  useEffect(() => {
    if (!undo) return;
    const t = window.setTimeout(() => setUndo(null), 10_000);
    return () => window.clearTimeout(t);
  }, [undo]);

  const setParas = (f: (list: P.Para[]) => P.Para[]) => edit((e) => ({ ...e, paragraphs: f(e.paragraphs) }));

  const command = (p: P.Para, c: BlockCommand) => {
    const index = paras.findIndex((x) => x.id === p.id);
    switch (c.kind) {
      case 'split': {
        const { list, newId } = P.split(paras, p.id, c.at);
        setParas(() => list);
        focusOn(newId, 0);
        break;
      }
      case 'merge-previous': {
        const m = P.mergeWithPrevious(paras, p.id, language);
        if (!m) return;
        setParas(() => m.list);
        focusOn(m.intoId, m.caret);
        break;
      }
      case 'move':
        setParas((list) => P.move(list, p.id, c.delta));
        focusOn(p.id, null);
        break;
      case 'toggle-section':
        setParas((list) => P.normalise(P.update(list, p.id, { section: p.section === 'preamble' ? 'operative' : 'preamble' })));
        focusOn(p.id, null);
        break;
      case 'delete': {
        setUndo({ para: p, index, label: labelMap.get(p.id)?.label ?? '' });
        setParas((list) => P.remove(list, p.id));
        const next = paras[index + 1] ?? paras[index - 1];
        if (next) focusOn(next.id, 0);
        else setFocus(null);
        break;
      }
      case 'focus': {
        const next = paras[index + c.delta];
        if (next) focusOn(next.id, c.delta === 1 ? 0 : next.text.length);
        break;
      }
      case 'to-panel':
        setPanelFocus((n) => n + 1);
        break;
    }
  };

  const add = (section: P.Section) => {
    const para = P.blank(section);
    const last = [...paras].reverse().find((x) => x.section === section);
    setParas((list) => P.insertAfter(list, last?.id ?? null, para));
    focusOn(para.id, 0);
  };

  const fromPrecedent = (r: SuggestResult): Partial<P.Para> => ({
    text: r.paragraph.text,
    lead: r.paragraph.lead,
    source: { paragraphId: r.paragraph.id, documentId: r.document.id, citation: citation(r.document, r.paragraph.label) },
  });

  const insertPrecedent = (r: SuggestResult) => {
    const section: P.Section = r.paragraph.section === 'preamble' ? 'preamble' : r.paragraph.section === 'operative' ? 'operative' : (active?.section ?? 'operative');
    const para = { ...P.blank(section), ...fromPrecedent(r) };
    const after = active && active.section === section ? active.id : ([...paras].reverse().find((x) => x.section === section)?.id ?? null);
    setParas((list) => P.insertAfter(list, after, para));
    focusOn(para.id, null);
  };

  const replacePrecedent = (r: SuggestResult) => {
    if (!active) return insertPrecedent(r);
    setParas((list) => P.update(list, active.id, fromPrecedent(r)));
    focusOn(active.id, null);
  };

  const onDrop = (e: DragEvent, target: { id: string; after: boolean } | { section: P.Section }) => {
    e.preventDefault();
    e.stopPropagation();
    const dragged = drag?.id ?? e.dataTransfer.getData('text/x-precedent-paragraph');
    setDrag(null);
    if (dragged) setParas((list) => P.moveTo(list, dragged, target));
  };

  if (sync.loadError) return <ErrorNote error={sync.loadError} />;
  if (!local || !draft) return <Loading what="the draft" />;

  const renderSection = (section: P.Section, title: string) => {
    const items = paras.filter((p) => p.section === section);
    return (
      <section className={`part part-${section}`} onDragOver={(e) => e.preventDefault()} onDrop={(e) => onDrop(e, { section })} aria-label={title}>
        <h2 className="part-title">
          {title} <span className="muted small">({items.length})</span>
        </h2>
        <ol className="paras">
          {items.map((p) => {
            const l = labelMap.get(p.id)!;
            return (
              <ParagraphBlock
                key={p.id}
                para={p}
                label={l.label}
                number={l.number}
                language={language}
                active={focus?.id === p.id}
                caret={focus?.id === p.id ? focus.caret : null}
                dropHint={drag?.over?.id === p.id && drag.id !== p.id ? (drag.over.after ? 'after' : 'before') : null}
                onActivate={(caret) => focusOn(p.id, caret)}
                onText={(text) => {
                  setLastInputAt(performance.now());
                  performance.mark('precedent:keystroke');
                  setParas((list) => P.update(list, p.id, { text }));
                }}
                onCommand={(c) => command(p, c)}
                onComposing={setComposing}
                onDragStart={(e) => {
                  e.dataTransfer.setData('text/x-precedent-paragraph', p.id);
                  e.dataTransfer.effectAllowed = 'move';
                  setDrag({ id: p.id, over: null });
                }}
                onDragOver={(e, after) => {
                  e.preventDefault();
                  if (drag && (drag.over?.id !== p.id || drag.over.after !== after)) setDrag({ ...drag, over: { id: p.id, after } });
                }}
                onDrop={(e) => onDrop(e, { id: p.id, after: drag?.over?.after ?? true })}
              />
            );
          })}
        </ol>
        <button type="button" className="add" onClick={() => add(section)}>
          + Add {section === 'preamble' ? 'preambular' : 'operative'} paragraph
        </button>
      </section>
    );
  };

  return (
    <div className="page editor-page">
      <div className="editor-main">
        <div className="editor-head">
          <input
            className="title-input"
            value={local.title}
            maxLength={DRAFT_LIMITS.title}
            aria-label="Draft title"
            onChange={(e) => {
              const title = e.target.value;
              edit((x) => ({ ...x, title }));
            }}
          />
          <div className="editor-meta">
            <span>{languageName(language)}</span>
            {draft.baseDocumentId && (
              <>
                <span>
                  base{' '}
                  <DocumentLink id={draft.baseDocumentId} />
                </span>
              </>
            )}
            <a href={`/drafts/${id}/compare`} onClick={linkClick} className="button-link">
              {draft.baseDocumentId ? 'Compare with base' : 'Compare…'}
            </a>
            <DraftExport id={id} baseId={draft.baseDocumentId} state={sync.state} saveNow={sync.saveNow} />
            <SaveBadge state={sync.state} message={sync.message} bufferFailed={sync.bufferFailed} />
          </div>
          <details className="shortcuts">
            <summary>Keyboard</summary>
            Enter split · Shift+Enter new line · Backspace at start merge · Alt+↑/↓ move · Alt+S preamble/operative · Ctrl+Shift+Backspace delete · ↑/↓ at the
            edges previous/next paragraph · Ctrl+. precedents
          </details>
        </div>
        {importNotice && <ImportNoticeBar notice={importNotice} onClose={() => setImportNotice(null)} />}
        <div className={`draft-doc ${language === 'zh' ? 'cjk' : ''}`} lang={language}>
          <p className="body-line">{profileOf(language).formula}</p>
          {renderSection('preamble', 'Preamble')}
          {renderSection('operative', 'Operative part')}
        </div>
        {undo && (
          <div className="toast" role="status">
            Deleted {undo.label}.{' '}
            <button
              type="button"
              onClick={() => {
                setParas((list) => P.normalise([...list.slice(0, undo.index), undo.para, ...list.slice(undo.index)]));
                focusOn(undo.para.id, null);
                setUndo(null);
              }}
            >
              Undo
            </button>
          </div>
        )}
      </div>
      <PrecedentPanel
        text={active?.text ?? ''}
        language={language}
        paused={composing}
        lastInputAt={lastInputAt}
        baseDocumentId={draft.baseDocumentId}
        focusRequest={panelFocus}
        onInsert={insertPrecedent}
        onReplace={replacePrecedent}
        onBack={() => active && focusOn(active.id, null)}
      />
      {sync.conflict && <ConflictDialog mine={sync.conflict.mine} theirs={sync.conflict.theirs} onChoose={sync.resolve} />}
    </div>
  );
}
