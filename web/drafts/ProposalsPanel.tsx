// The negotiation of a draft in the editor: how many paragraphs are open,
// agreed ad ref and agreed (with the "open only" filter), the draft's share of
// agreed language, the form to propose for the chosen paragraph (amend it,
// delete it, offer an alternative, or add one after it), and the proposals —
// kind, delegation, supporters, status, an amendment's difference from the
// text, the precedents that back it — with the buttons each role may use:
// others support or object, the proposer withdraws, the pen-holder accepts,
// rejects or keeps it in brackets.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getAgreedLanguage, postProposal, proposalAction, type AgreedLanguageT, type DraftT, type ProposalActionT, type ProposalBodyT, type ProposalT } from '../api.js';
import { InlineChanges } from '../components/InlineChanges.js';
import { OutcomeNote } from '../components/Panel.js';
import { ErrorNote } from '../components/Status.js';
import { formatPercent, formatNumber } from '../lib/format.js';
import { linkClick } from '../lib/router.js';
import { useAction } from '../lib/useAction.js';
import * as P from './paragraphs.js';
import type { Negotiation } from './useNegotiation.js';

/** The paragraph a proposal would be about: the one focused or clicked. */
export interface ChosenParagraph {
  id: string;
  label: string;
  text: string;
}

export interface ProposalsPanelProps {
  draft: DraftT;
  negotiation: Negotiation;
  chosen: ChosenParagraph | null;
  myDelegation: string;
  /** The text is saved on the server: accepting (which saves a new version) waits for it. */
  saved: boolean;
  /** A proposal was accepted: the text changed on the server. */
  onAccepted: (draft: DraftT) => void;
}

const pending = (p: ProposalT) => p.status === 'open' || p.status === 'bracketed';

export function ProposalsPanel({ draft, negotiation, chosen, myDelegation, saved, onAccepted }: ProposalsPanelProps) {
  const { t } = useTranslation();
  const { outcome, run } = useAction();
  const data = negotiation.data;
  const isOwner = draft.access === 'owner';
  const canPropose = draft.access !== 'read';
  const act = (p: ProposalT, action: ProposalActionT) =>
    run(async () => {
      const result = await proposalAction(draft.id, p.id, action);
      if (action === 'accept') onAccepted(result.draft);
      else negotiation.reload();
    });
  const proposals = data?.proposals ?? [];
  const decided = proposals.filter((p) => !pending(p));
  return (
    <section className="card proposals-panel" aria-labelledby="proposals-title">
      <div className="panel-head">
        <h2 id="proposals-title">{t('negotiation.title')}</h2>
      </div>
      {negotiation.loadError && <ErrorNote error={negotiation.loadError} />}
      {data && (
        <p className="status-counts" data-counts={`${data.counts.open}/${data.counts['agreed-ad-ref']}/${data.counts.agreed}`}>
          {t('negotiation.counts', { open: formatNumber(data.counts.open), adRef: formatNumber(data.counts['agreed-ad-ref']), agreed: formatNumber(data.counts.agreed) })}{' '}
          <label className="small">
            <input type="checkbox" checked={negotiation.openOnly} onChange={(e) => negotiation.setOpenOnly(e.target.checked)} /> {t('negotiation.openOnly')}
          </label>
        </p>
      )}
      <AgreedLanguage draft={draft} />
      {canPropose && <ProposalForm draftId={draft.id} chosen={chosen} onProposed={negotiation.reload} />}
      {data && proposals.filter(pending).length === 0 && <p className="muted">{t('negotiation.none')}</p>}
      <ol className="proposal-list">
        {proposals.filter(pending).map((p) => (
          <ProposalItem key={p.id} p={p} language={draft.language} actions={actionsFor(p)} onAction={(a) => void act(p, a)} acceptBlocked={!saved} />
        ))}
      </ol>
      {decided.length > 0 && (
        <details className="decided-proposals">
          <summary>{t('negotiation.decided', { count: decided.length })}</summary>
          <ol className="proposal-list">
            {decided.map((p) => (
              <ProposalItem key={p.id} p={p} language={draft.language} actions={[]} onAction={() => undefined} acceptBlocked />
            ))}
          </ol>
        </details>
      )}
      <OutcomeNote outcome={outcome ?? (negotiation.error ? { ok: false, text: negotiation.error } : null)} />
    </section>
  );

  function actionsFor(p: ProposalT): ProposalActionT[] {
    const mine = p.delegation === myDelegation;
    const out: ProposalActionT[] = [];
    if (canPropose && !mine) out.push('support', 'object');
    if (mine) out.push('withdraw');
    if (isOwner) out.push('accept', ...(p.status === 'open' ? (['bracket'] as const) : []), 'reject');
    return out;
  }
}

/** The proposed text with its new language (no adopted precedent shares it) marked. */
function MarkedText({ text, spans }: { text: string; spans: [number, number][] }) {
  const parts: { text: string; fresh: boolean }[] = [];
  let at = 0;
  for (const [from, to] of spans) {
    if (from > at) parts.push({ text: text.slice(at, from), fresh: false });
    parts.push({ text: text.slice(from, to), fresh: true });
    at = to;
  }
  if (at < text.length) parts.push({ text: text.slice(at), fresh: false });
  return <>{parts.map((p, i) => (p.fresh ? <mark key={i} className="new-language">{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}

function ProposalItem({ p, language, actions, onAction, acceptBlocked }: { p: ProposalT; language: string; actions: ProposalActionT[]; onAction: (a: ProposalActionT) => void; acceptBlocked: boolean }) {
  const { t } = useTranslation();
  const fresh = p.text ? p.newLanguage.map(([a, b]) => p.text!.slice(a, b)).join(' · ') : '';
  return (
    <li className="proposal" data-proposal={p.id} data-kind={p.kind} data-status={p.status} data-label={p.label}>
      <div className="proposal-head">
        <strong className="proposal-label">{p.label}</strong> <span className="kind-badge">{t(`negotiation.kinds.${p.kind}`)}</span>{' '}
        <span className="delegation-badge">{p.delegation}</span>{' '}
        <span className="proposal-status" data-status={p.status}>
          {t(`negotiation.statuses.${p.status}`)}
        </span>
        {p.supporters.length > 0 && <span className="supporters small"> · {t('negotiation.supportedBy', { names: p.supporters.join(', ') })}</span>}
        {p.objectors.length > 0 && <span className="objectors small"> · {t('negotiation.opposedBy', { names: p.objectors.join(', ') })}</span>}
        {!p.inText && <span className="warn small"> · {t('negotiation.notInText')}</span>}
      </div>
      {p.kind === 'amend' || (p.kind === 'alt' && p.changes.length) ? (
        <p className="proposal-text" lang={language}>
          <InlineChanges changes={p.changes} lang={language} />
        </p>
      ) : p.text ? (
        <p className="proposal-text" lang={language}>
          <MarkedText text={p.text} spans={p.newLanguage} />
        </p>
      ) : null}
      {p.note && <p className="muted small">{p.note}</p>}
      {p.text && (
        <div className="evidence small">
          <span className="agreed-share">{t('negotiation.agreedShare', { percent: formatPercent(p.agreedShare) })}</span>
          {fresh && <span className="muted"> · {t('negotiation.newLanguage', { words: fresh })}</span>}
          {p.precedents.length ? (
            <ul className="precedent-evidence" aria-label={t('negotiation.precedents')}>
              {p.precedents.map((r) => (
                <li key={r.paragraphId} title={r.text}>
                  <a href={`/documents/${encodeURIComponent(r.documentId)}?p=${encodeURIComponent(r.paragraphId)}`} onClick={linkClick}>{r.citation}</a>{' '}
                  <span className="muted">{t('negotiation.similarity', { value: formatNumber(r.similarity, { maximumFractionDigits: 2 }) })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('negotiation.noPrecedent')}</p>
          )}
        </div>
      )}
      {actions.length > 0 && (
        <div className="proposal-actions">
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              className={`small ${a === 'accept' ? 'primary' : a === 'reject' ? 'danger' : ''}`}
              data-action={a}
              disabled={a === 'accept' && acceptBlocked}
              title={a === 'accept' && acceptBlocked ? t('negotiation.saveFirst') : undefined}
              onClick={() => onAction(a)}
            >
              {t(`negotiation.actions.${a}`)}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

type Kind = ProposalBodyT['kind'];

function ProposalForm({ draftId, chosen, onProposed }: { draftId: string; chosen: ChosenParagraph | null; onProposed: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('amend');
  const [text, setText] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const { outcome, run } = useAction();
  const [forParagraph, setForParagraph] = useState<string | null>(null);
  if (!chosen) return <p className="muted small proposal-pick">{t('negotiation.form.pick')}</p>;
  // A newly chosen paragraph starts the form afresh.
  if (forParagraph !== chosen.id) {
    setForParagraph(chosen.id);
    setText(null);
  }
  const initial = kind === 'add' ? '' : chosen.text;
  const value = text ?? initial;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: ProposalBodyT =
      kind === 'add' ? { kind, after: chosen.id, text: value, note: note || undefined } : { kind, paragraphId: chosen.id, ...(kind === 'delete' ? {} : { text: value }), note: note || undefined };
    if (await run(() => postProposal(draftId, body))) {
      setText(null);
      setNote('');
      onProposed();
    }
  };
  return (
    <form className="proposal-form" onSubmit={(e) => void submit(e)} data-for={chosen.id}>
      <select
        value={kind}
        aria-label={t('negotiation.form.kind')}
        onChange={(e) => {
          setKind(e.target.value as Kind);
          setText(null);
        }}
      >
        {(['amend', 'add', 'delete', 'alt'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`negotiation.form.${k}`, { label: chosen.label })}
          </option>
        ))}
      </select>
      {kind !== 'delete' && <textarea value={value} onChange={(e) => setText(e.target.value)} aria-label={t('negotiation.form.text')} placeholder={t('negotiation.form.text')} rows={4} required />}
      <input value={note} onChange={(e) => setNote(e.target.value)} aria-label={t('negotiation.form.note')} placeholder={t('negotiation.form.note')} />
      <button type="submit" className="primary">
        {t('negotiation.form.submit')}
      </button>
      <OutcomeNote outcome={outcome} />
    </form>
  );
}

/** The draft's share of agreed language, overall and paragraph by paragraph with its new language marked; asked for on demand (each paragraph is a search). */
function AgreedLanguage({ draft }: { draft: DraftT }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ version: number; result: AgreedLanguageT } | 'loading' | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const labels = P.labels(draft.paragraphs);
  const load = async () => {
    setState('loading');
    setError(null);
    try {
      setState({ version: draft.version, result: await getAgreedLanguage(draft.id) });
    } catch (e) {
      setError(e as Error);
      setState(null);
    }
  };
  const current = state && state !== 'loading' && state.version === draft.version ? state.result : null;
  return (
    <div className="agreed-language small">
      {current ? (
        <details>
          <summary data-share={current.agreedShare}>{t('negotiation.agreedLanguage.overall', { percent: formatPercent(current.agreedShare) })}</summary>
          <ol className="agreed-paragraphs">
            {current.paragraphs.map((r) => {
              const para = draft.paragraphs.find((x) => x.id === r.paragraphId);
              return (
                <li key={r.paragraphId}>
                  <strong>{t('negotiation.agreedLanguage.paragraph', { label: labels.get(r.paragraphId)?.label ?? '', percent: formatPercent(r.agreedShare) })}</strong>{' '}
                  {r.precedent && <span className="muted">{r.precedent.citation}</span>}
                  {para && (
                    <p lang={draft.language}>
                      <MarkedText text={para.text} spans={r.newLanguage} />
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        </details>
      ) : (
        <button type="button" className="small" disabled={state === 'loading'} onClick={() => void load()}>
          {t('negotiation.agreedLanguage.button')}
        </button>
      )}
      {error && <ErrorNote error={error} />}
    </div>
  );
}
