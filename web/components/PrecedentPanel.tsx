// The precedent panel beside the editor: live suggestions for the paragraph
// being edited (with filters) and a phrase search for exact agreed language.
// Keyboard: ↑/↓ choose, Enter insert, R replace, C copy citation, Esc back.
// The edited paragraph's own source is left out of its precedents.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { citeIn } from '../../core/citation-in.js';
import { kindFilter, languageFilter, type SuggestFilters, type SuggestResult } from '../api.js';
import { useSuggestions } from '../lib/useSuggestions.js';
import { LanguageSelect } from './LanguageSelect.js';
import { KindSelect } from './KindSelect.js';
import { SuggestionCard, translationAsResult } from './SuggestionCard.js';
import { PhraseSearch } from './PhraseSearch.js';

export interface PanelProps {
  text: string;
  language: string;
  paused: boolean;
  lastInputAt: number;
  baseDocumentId: string | null;
  /** Increments when the editor asks the panel to take focus (Ctrl+.). */
  focusRequest: number;
  onInsert: (r: SuggestResult) => void;
  onReplace: (r: SuggestResult) => void;
  /** Back to the paragraph being edited (Esc anywhere in the panel). */
  onBack: () => void;
  /** The corpus paragraph the edited paragraph came from: never offered as its precedent. */
  sourceParagraphId?: string | null;
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    document.body.appendChild(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
}

export function PrecedentPanel(props: PanelProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'suggest' | 'phrase'>('suggest');
  const [lang, setLang] = useState(props.language);
  const [kind, setKind] = useState('');
  const [body, setBody] = useState('');
  const [fromYear, setFromYear] = useState('');
  const [toYear, setToYear] = useState('');
  const [excludeBase, setExcludeBase] = useState(true);
  const [showFilters, setShowFilters] = useState(false);
  // Each precedent beside its version in a second language: English for a draft in any other.
  const [also, setAlso] = useState(props.language === 'en' ? '' : 'en');
  const filters: SuggestFilters = {
    language: languageFilter(lang),
    kind: kindFilter(kind),
    ...(body.trim() ? { body: body.trim() } : {}),
    ...(/^\d{4}$/.test(fromYear) ? { from: `${fromYear}-01-01` } : {}),
    ...(/^\d{4}$/.test(toYear) ? { to: `${toYear}-12-31` } : {}),
    ...(excludeBase && props.baseDocumentId ? { excludeDocuments: [props.baseDocumentId] } : {}),
  };
  const found = useSuggestions(props.text, lang, filters, props.paused, props.lastInputAt, also === lang ? '' : also);
  const { status, error, forText } = found;
  const results = useMemo(() => found.results.filter((r) => r.paragraph.id !== props.sourceParagraphId), [found.results, props.sourceParagraphId]);
  const [sel, setSel] = useState(0);
  const [copied, setCopied] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => setSel(0), [results]);
  useEffect(() => {
    if (props.focusRequest > 0) {
      setTab('suggest');
      list.current?.focus();
    }
  }, [props.focusRequest]);
  useEffect(() => {
    list.current?.querySelector('.suggestion.selected')?.scrollIntoView({ block: 'nearest' });
  }, [sel]);

  const act = (r: SuggestResult, what: 'insert' | 'replace' | 'copy' | 'insertTranslation') => {
    const translated = what === 'insertTranslation' ? translationAsResult(r) : null;
    if (translated) props.onInsert(translated);
    else if (what === 'insert') props.onInsert(r);
    else if (what === 'replace') props.onReplace(r);
    else {
      // As the card shows it: in the precedent's own language.
      const cite = citeIn(r.document, r.paragraph.label, r.document.language);
      void copyText(cite).then(() => {
        setCopied(r.paragraph.id);
        window.setTimeout(() => setCopied(null), 1500);
      });
    }
  };

  const onKey = (e: KeyboardEvent) => {
    const r = results[sel];
    if (e.key === 'ArrowDown') setSel((s) => Math.min(s + 1, results.length - 1));
    else if (e.key === 'ArrowUp') setSel((s) => Math.max(s - 1, 0));
    else if (r && e.key === 'Enter') act(r, 'insert');
    else if (r && (e.key === 'r' || e.key === 'R')) act(r, 'replace');
    else if (r && (e.key === 'c' || e.key === 'C')) act(r, 'copy');
    else return;
    e.preventDefault();
  };

  return (
    <aside
      className="panel"
      aria-label={t('panel.aria')}
      onKeyDown={(e) => {
        // Esc from anywhere in the panel (a card's button, the filters, phrase search) goes back to the paragraph.
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        props.onBack();
      }}
    >
      <div className="tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'suggest'} onClick={() => setTab('suggest')}>
          {t('panel.tabPrecedents')}
        </button>
        <button role="tab" aria-selected={tab === 'phrase'} onClick={() => setTab('phrase')}>
          {t('panel.tabPhrase')}
        </button>
        <label className="also-select small muted">
          {t('panel.alsoIn')}
          <LanguageSelect value={also} onChange={setAlso} anyLabel={t('panel.alsoNone')} ariaLabel={t('panel.alsoAria')} />
        </label>
        <button type="button" className={`filters-toggle ${showFilters ? 'on' : ''}`} onClick={() => setShowFilters((s) => !s)} aria-expanded={showFilters}>
          {t('panel.filters')}
        </button>
      </div>
      {showFilters && (
        <div className="filters">
          <label>
            {t('common.language')}
            <LanguageSelect value={lang} onChange={setLang} />
          </label>
          <label>
            {t('common.kind')}
            <KindSelect value={kind} onChange={setKind} />
          </label>
          <label>
            {t('panel.body')}
            <input value={body} onChange={(e) => setBody(e.target.value)} placeholder={t('panel.bodyPlaceholder')} />
          </label>
          <label>
            {t('panel.years')}
            <span className="years">
              <input value={fromYear} onChange={(e) => setFromYear(e.target.value)} placeholder={t('panel.from')} inputMode="numeric" maxLength={4} />
              –
              <input value={toYear} onChange={(e) => setToYear(e.target.value)} placeholder={t('panel.to')} inputMode="numeric" maxLength={4} />
            </span>
          </label>
          {props.baseDocumentId && (
            <label className="check">
              <input type="checkbox" checked={excludeBase} onChange={(e) => setExcludeBase(e.target.checked)} /> {t('panel.excludeBase')}
            </label>
          )}
        </div>
      )}
      {tab === 'suggest' ? (
        <>
          <div className="panel-status muted small" aria-live="polite">
            {status === 'idle' && (props.text.trim() ? t('panel.keepTyping') : t('panel.editToSee'))}
            {(status === 'waiting' || status === 'loading') && t('panel.searching')}
            {status === 'done' && t('panel.count', { count: results.length })}
            {status === 'error' && <span className="error-note">{error}</span>}
            <span className="keys">{t('panel.keys')}</span>
          </div>
          <ul className={`suggestions ${status === 'loading' || status === 'waiting' ? 'stale' : ''}`} role="listbox" tabIndex={0} ref={list} onKeyDown={onKey} aria-label={t('panel.listAria')}>
            {results.map((r, i) => (
              <SuggestionCard
                key={r.paragraph.id}
                r={r}
                typed={forText}
                selected={i === sel}
                copied={copied === r.paragraph.id}
                onSelect={() => setSel(i)}
                actions={{ insert: () => act(r, 'insert'), replace: () => act(r, 'replace'), copy: () => act(r, 'copy'), insertTranslation: () => act(r, 'insertTranslation') }}
              />
            ))}
          </ul>
        </>
      ) : (
        <PhraseSearch language={lang} kind={kind} onInsert={props.onInsert} />
      )}
    </aside>
  );
}
