// The drafting desk: the draft's head, its preamble and operative part as
// lists of paragraph blocks, edited live with every co-editor (who is where
// shows in the margin), one undo for this editor's changes (Ctrl+Z), the
// undo offer after a delete, the precedent panel fed by the paragraph being
// edited, and the negotiation (proposals, paragraph statuses). A delegation
// that may only read or propose sees the live text read-only beside the
// proposals. The parts live in web/drafts/: the live draft (useLiveDraft),
// focus, block commands, drag and drop, precedents, negotiation.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelIn } from '../../core/citation-in.js';
import { profileOf } from '../../core/languages/index.js';
import { ImportNoticeBar } from '../components/ImportNoticeBar.js';
import { PrecedentPanel } from '../components/PrecedentPanel.js';
import { ErrorNote, Loading } from '../components/Status.js';
import { DraftPart } from '../drafts/DraftPart.js';
import { EditorHeader } from '../drafts/EditorHeader.js';
import { useParagraphCommands, type SetParagraphs } from '../drafts/useParagraphCommands.js';
import { useParagraphDrag } from '../drafts/useParagraphDrag.js';
import { useParagraphFocus } from '../drafts/useParagraphFocus.js';
import { usePrecedentInsertion } from '../drafts/usePrecedentInsertion.js';
import { useLiveDraft } from '../drafts/useLiveDraft.js';
import { useUndo } from '../drafts/useUndo.js';
import { clearImportNotice, peekImportNotice } from '../lib/importNotice.js';
import { navigate } from '../lib/router.js';
import { ReadOnlyDraft } from '../drafts/ReadOnlyDraft.js';
import { ParagraphStatusBadge } from '../drafts/ParagraphStatusBadge.js';
import { ProposalsPanel } from '../drafts/ProposalsPanel.js';
import { useNegotiation } from '../drafts/useNegotiation.js';
import { useUser } from '../accounts/session.js';
import * as P from '../drafts/paragraphs.js';

export function EditorPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const sync = useLiveDraft(id, { name: user.name, delegation: user.delegation.name });
  const { local, draft, edit } = sync;
  const { focus, focusOn, blur } = useParagraphFocus();
  const [composing, setComposing] = useState(false);
  const [lastInputAt, setLastInputAt] = useState(0);
  const [panelFocus, setPanelFocus] = useState(0);
  // A draft just imported opens with what the import saw (read once).
  const [importNotice, setImportNotice] = useState(() => peekImportNotice(id));
  useEffect(() => clearImportNotice(id), [id]);
  const language = draft?.language ?? 'en';
  const negotiation = useNegotiation(id, `${draft?.version ?? 0}:${sync.announcements.negotiation}`);
  // Open or closed per draft for the tab's life: accepting a proposal reopens the editor, and the panel with it.
  const [showProposals, setShowProposals] = useState(() => sessionStorage.getItem(`precedent:proposals:${id}`) === '1');
  useEffect(() => sessionStorage.setItem(`precedent:proposals:${id}`, showProposals ? '1' : '0'), [id, showProposals]);
  // The paragraph a proposal is about: the one last focused (editor) or clicked (read-only).
  const [chosenId, setChosenId] = useState<string | null>(null);
  useEffect(() => {
    if (focus?.id) setChosenId(focus.id);
  }, [focus?.id]);
  // The others see which paragraph this editor is in.
  const { setPresence } = sync;
  useEffect(() => setPresence(focus?.id ?? null), [focus?.id, setPresence]);

  const paras = useMemo(() => local?.paragraphs ?? [], [local]);
  const labels = useMemo(() => P.labels(paras), [paras]);
  const active = paras.find((p) => p.id === focus?.id) ?? null;
  const history = useUndo({ undo: sync.undo, paras, current: sync.current, focusOn, blur });
  const setParas: SetParagraphs = (change, what) => {
    history.track(what);
    edit((e) => ({ ...e, paragraphs: change(e.paragraphs) }));
  };

  const commands = useParagraphCommands({ paras, labels, language, setParas, focusOn, blur, toPanel: () => setPanelFocus((n) => n + 1) });
  const precedents = usePrecedentInsertion({ paras, active, setParas, focusOn });
  const drag = useParagraphDrag(setParas);

  const peersIn = (p: P.Para) => sync.peers.filter((peer) => peer.paragraphId === p.id);
  if (sync.loadError) return <ErrorNote error={sync.loadError} />;
  if (!local && sync.unreachable) {
    return (
      <div className="page editor-page">
        <div className="editor-main">
          <p className="warn" role="alert">
            {t('editor.liveUnreachable')}
          </p>
          <ReadOnlyDraft draft={sync.unreachable} chosenId={null} onChoose={() => undefined} shown={() => true} />
        </div>
      </div>
    );
  }
  if (!local || !draft) return <Loading what={t('what.draft')} />;
  // A restored version is a new save on the server: open the draft afresh (App keys the editor by it).
  const onRestored = (restored: { version: number }) => navigate(`/drafts/${id}?restored=${restored.version}`, { replace: true });
  const chosenPara = paras.find((p) => p.id === chosenId) ?? null;
  const chosen = chosenPara ? { id: chosenPara.id, label: labels.get(chosenPara.id)?.label ?? '', text: chosenPara.text } : null;
  const badge = (p: P.Para) => (
    <ParagraphStatusBadge
      status={negotiation.statusOf(p.id)}
      label={labels.get(p.id)?.label ?? ''}
      canSet={draft.access === 'owner'}
      onSet={(status) => void negotiation.setStatus(p.id, status)}
    />
  );
  const proposalsPanel = (
    <ProposalsPanel
      draft={draft}
      negotiation={negotiation}
      chosen={chosen}
      myDelegation={user.delegation.name}
      saved={sync.state === 'saved'}
      onAccepted={(accepted) => navigate(`/drafts/${id}?restored=${accepted.version}`, { replace: true })}
    />
  );
  if (draft.access === 'read' || draft.access === 'propose') {
    return (
      <div className="page editor-page">
        <div className="editor-main">
          <EditorHeader draft={draft} title={draft.title} onTitle={() => undefined} sync={sync} onRestored={onRestored} />
          <ReadOnlyDraft draft={draft} chosenId={chosenId} onChoose={setChosenId} shown={negotiation.shown} badge={badge} />
        </div>
        <aside className="side-panel">{proposalsPanel}</aside>
      </div>
    );
  }

  const onText = (p: P.Para, text: string, footnotes?: P.Para['footnotes']) => {
    setLastInputAt(performance.now());
    performance.mark('precedent:keystroke');
    history.track({ kind: text === p.text ? 'footnote' : 'typing', paragraphId: p.id });
    sync.editText(p, footnotes ? { text, footnotes } : { text });
  };
  // What both parts share.
  const part = {
    paras,
    labels,
    language,
    focus,
    drag,
    onText,
    onActivate: (p: P.Para, caret: number | null) => focusOn(p.id, caret),
    onCommand: commands.command,
    onComposing: (p: P.Para, on: boolean, selection?: [number, number]) => {
      setComposing(on);
      if (on && selection) sync.compositionStart(p.id, selection);
      else if (!on) sync.compositionEnd();
    },
    peersIn,
    onAdd: commands.add,
    shown: negotiation.shown,
    badge,
  };

  return (
    <div className="page editor-page" onKeyDown={history.onKeyDown}>
      <div className="editor-main">
        <EditorHeader draft={draft} title={local.title} onTitle={(title) => edit((x) => ({ ...x, title }))} sync={sync} onRestored={onRestored} />
        {importNotice && <ImportNoticeBar notice={importNotice} onClose={() => setImportNotice(null)} />}
        <button type="button" className="small proposals-toggle" aria-expanded={showProposals} onClick={() => setShowProposals((x) => !x)}>
          {t('negotiation.button', { count: negotiation.data?.proposals.filter((p) => p.status === 'open' || p.status === 'bracketed').length ?? 0 })}
        </button>
        {showProposals && proposalsPanel}
        {/* The draft is set in its own language and direction, whatever the interface's. */}
        <div className={`draft-doc ${language === 'zh' ? 'cjk' : ''}`} lang={language} dir={profileOf(language).rtl ? 'rtl' : 'ltr'}>
          <p className="body-line">{profileOf(language).formula}</p>
          <DraftPart section="preamble" title={t('editor.preamble')} {...part} />
          <DraftPart section="operative" title={t('editor.operative')} {...part} />
        </div>
        {commands.deleted && (
          <div className="toast" role="status">
            {t('editor.deleted', { label: labelIn(commands.deleted.label, language) })}{' '}
            <button type="button" onClick={commands.undoDelete}>
              {t('editor.undo')}
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
        onInsert={precedents.insertPrecedent}
        onReplace={precedents.replacePrecedent}
        onBack={() => active && focusOn(active.id, null)}
        sourceParagraphId={active?.source?.paragraphId ?? null}
      />
    </div>
  );
}
