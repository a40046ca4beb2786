// Starts a draft: empty (title + language), as a rollover of a document,
// whose paragraphs become the draft and which becomes its base, or imported
// from a Word file or pasted text.
import { DRAFT_LIMITS } from '../../core/limits.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createDraft, languageFilter, type CreateDraftBody } from '../api.js';
import { navigate } from '../lib/router.js';
import { LanguageSelect } from './LanguageSelect.js';
import { DocumentPicker } from './DocumentPicker.js';
import { ImportDraft } from './ImportDraft.js';

export function NewDraft() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'rollover' | 'empty' | 'import'>('rollover');
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState('zh');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (json: CreateDraftBody) => {
    setBusy(true);
    setError(null);
    try {
      const draft = await createDraft(json);
      navigate(`/drafts/${draft.id}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <div className="card new-draft">
      <h2>{t('newDraft.heading')}</h2>
      <div className="tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'rollover'} onClick={() => setTab('rollover')}>
          {t('newDraft.tabRollover')}
        </button>
        <button role="tab" aria-selected={tab === 'empty'} onClick={() => setTab('empty')}>
          {t('newDraft.tabEmpty')}
        </button>
        <button role="tab" aria-selected={tab === 'import'} onClick={() => setTab('import')}>
          {t('newDraft.tabImport')}
        </button>
      </div>
      {/* Kept mounted: a chosen file or pasted text survives a look at the other tabs. */}
      <div hidden={tab !== 'import'}>
        <ImportDraft language={language} onLanguage={setLanguage} />
      </div>
      {tab !== 'import' && (
        <>
          <label className="field">
            <span>{t('common.language')}</span>
            <LanguageSelect value={language} onChange={setLanguage} />
          </label>
          {tab === 'empty' ? (
            <form onSubmit={(e) => (e.preventDefault(), void create({ title: title.trim(), language: languageFilter(language) }))}>
              <label className="field">
                <span>{t('common.title')}</span>
                <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('newDraft.untitled')} maxLength={DRAFT_LIMITS.title} aria-label={t('common.title')} />
              </label>
              <button type="submit" className="primary" disabled={busy}>
                {t('newDraft.create')}
              </button>
            </form>
          ) : (
            <>
              <p className="muted small">{t('newDraft.rolloverHint')}</p>
              <DocumentPicker language={language} kind="resolution" onPick={(d) => void create({ base: d.id })} />
            </>
          )}
        </>
      )}
      {error && <p className="error-note">{error}</p>}
    </div>
  );
}
