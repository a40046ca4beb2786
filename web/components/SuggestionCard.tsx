// One precedent: its citation (symbol, label, date, body), agreed or not, the
// similarity, the text with the passages it shares with the draft marked, and
// when selected an inline diff from the typed text to the precedent.
import { useMemo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SuggestResult } from '../api.js';
import { citation } from '../../core/citation.js';
import { citeIn, documentIn } from '../../core/citation-in.js';
import { localizedBody } from '../../core/languages/index.js';
import { interfaceLanguage } from '../i18n/locale.js';
import { inlineDiff } from '../../core/diff/inline.js';
import { formatDate, formatNumber, formatPercent, languageName } from '../lib/format.js';
import { Highlight } from './Highlight.js';
import { InlineChanges } from './InlineChanges.js';
import { LeadText } from './Lead.js';

export interface CardActions {
  insert: () => void;
  replace: () => void;
  copy: () => void;
  /** Inserts the precedent's translation (shown when the panel asked for one) instead of the precedent. */
  insertTranslation: () => void;
}

/**
 * The precedent's translation as a precedent of its own: its text, its
 * document's version in that language, cited from there; the part it belongs
 * to is the precedent's (the numbering is the same in every language).
 */
export function translationAsResult(r: SuggestResult): SuggestResult | null {
  const tr = r.translation;
  if (!tr) return null;
  return {
    ...r,
    paragraph: { ...tr.paragraph, section: r.paragraph.section },
    document: { ...r.document, id: tr.document.id, symbol: tr.document.symbol, language: tr.language },
    shared: [],
    translation: undefined,
  };
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
  const { t } = useTranslation();
  const lang = r.document.language;
  // Shown in the precedent's own language ("第78/229号决议第8段"); the stored form stays on data-citation.
  const cite = citeIn(r.document, r.paragraph.label, lang);
  const pct = formatPercent(r.similarity);
  const changes = useMemo(() => (selected ? inlineDiff(typed, r.paragraph.text, r.document.language) : null), [selected, typed, r]);
  const earlier = r.earlierVersions?.length ?? 0;
  return (
    <li className={`suggestion ${selected ? 'selected' : ''}`} role="option" aria-selected={selected} data-paragraph={r.paragraph.id} data-citation={citation(r.document, r.paragraph.label)} onMouseDown={(e) => selectUnlessAction(e, onSelect)}>
      <div className="s-head">
        <span className="cite" lang={lang} dir="auto">
          {cite}
        </span>
        <span className={`badge ${r.agreed ? 'agreed' : 'not-agreed'}`}>{r.agreed ? t('common.agreed') : t(`kinds.${r.document.kind}`)}</span>
        <span className="sim" title={t('card.similarity', { value: r.similarity === 1 ? t('card.same') : formatNumber(r.similarity, { minimumFractionDigits: 3, maximumFractionDigits: 3 }) })}>
          <span className="sim-track">
            <span className="sim-bar" style={{ width: pct }} />
          </span>
          <span className="sim-num">{pct}</span>
        </span>
      </div>
      <div className="s-meta muted small">
        {formatDate(r.document.date)} · {localizedBody(interfaceLanguage(), r.document.body)}
        {earlier > 0 && ` · ${t('card.earlier', { count: earlier })}`}
        {r.laterVersions?.length ? ` · ${t('card.rewordedIn', { symbol: r.laterVersions[0].symbol ? documentIn(r.laterVersions[0].symbol, lang) : t('card.laterVersion') })}` : ''}
      </div>
      <div className="s-text" lang={r.document.language} dir="auto">
        {r.shared.length ? <Highlight text={r.paragraph.text} ranges={r.shared.map((s) => s.to)} /> : <LeadText text={r.paragraph.text} language={r.document.language} lead={r.paragraph.lead} />}
      </div>
      {changes && (
        <div className="s-diff">
          <div className="s-legend muted small">
            {t('card.legend')} <ins>{t('card.onlyPrecedent')}</ins> <del>{t('card.onlyYours')}</del>
          </div>
          <div className="s-text" lang={r.document.language} dir="auto">
            <InlineChanges changes={changes} lang={r.document.language} />
          </div>
        </div>
      )}
      {r.translation && (
        <div className="s-translation" data-language={r.translation.language}>
          <div className="s-translation-head muted small">
            <b>{languageName(r.translation.language)}</b>
            <span className="cite" lang={r.translation.language} dir="auto">
              {citeIn({ symbol: r.translation.document.symbol, title: r.document.title }, r.translation.paragraph.label, r.translation.language)}
            </span>
            {r.translation.inferred && <span className="warn" title={t('card.inferredTitle')}>{t('card.inferred')}</span>}
          </div>
          <div className="s-text" lang={r.translation.language} dir="auto">
            <LeadText text={r.translation.paragraph.text} language={r.translation.language} lead={r.translation.paragraph.lead} />
          </div>
        </div>
      )}
      <div className="s-actions">
        <button type="button" onClick={actions.insert} title={t('card.insertTitle')}>
          {t('common.insert')}
        </button>
        <button type="button" onClick={actions.replace} title={t('card.replaceTitle')}>
          {t('card.replace')}
        </button>
        {r.translation && (
          <button type="button" className="insert-translation" onClick={actions.insertTranslation} title={t('card.insertTranslationTitle', { language: languageName(r.translation.language) })}>
            {t('card.insertTranslation', { language: languageName(r.translation.language) })}
          </button>
        )}
        <button type="button" onClick={actions.copy} title={t('card.copyTitle')}>
          {copied ? t('card.copied') : t('card.copy')}
        </button>
      </div>
    </li>
  );
}
