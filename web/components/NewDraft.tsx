// Starts a draft: empty (title + language), as a rollover of a document,
// whose paragraphs become the draft and which becomes its base, or imported
// from a Word file or pasted text.
import { DRAFT_LIMITS } from '../../core/limits.js';
import { useState } from 'react';
import { createDraft, languageFilter, type CreateDraftBody } from '../api.js';
import { navigate } from '../lib/router.js';
import { LanguageSelect } from './LanguageSelect.js';
import { DocumentPicker } from './DocumentPicker.js';
import { ImportDraft } from './ImportDraft.js';

export function NewDraft() {
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
      <h2>New draft</h2>
      <div className="tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'rollover'} onClick={() => setTab('rollover')}>
          Roll over a resolution
        </button>
        <button role="tab" aria-selected={tab === 'empty'} onClick={() => setTab('empty')}>
          Empty
        </button>
        <button role="tab" aria-selected={tab === 'import'} onClick={() => setTab('import')}>
          Import
        </button>
      </div>
      {/* Kept mounted: a chosen file or pasted text survives a look at the other tabs. */}
      <div hidden={tab !== 'import'}>
        <ImportDraft language={language} onLanguage={setLanguage} />
      </div>
      {tab !== 'import' && (
        <>
          <label className="field">
            <span>Language</span>
            <LanguageSelect value={language} onChange={setLanguage} />
          </label>
          {tab === 'empty' ? (
            <form onSubmit={(e) => (e.preventDefault(), void create({ title: title.trim(), language: languageFilter(language) }))}>
              <label className="field">
                <span>Title</span>
                <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Untitled draft" maxLength={DRAFT_LIMITS.title} aria-label="Title" />
              </label>
              <button type="submit" className="primary" disabled={busy}>
                Create draft
              </button>
            </form>
          ) : (
            <>
              <p className="muted small">The draft starts as the chosen document's paragraphs, with the document as its base.</p>
              <DocumentPicker language={language} kind="resolution" onPick={(d) => void create({ base: d.id })} />
            </>
          )}
        </>
      )}
      {error && <p className="error-note">{error}</p>}
    </div>
  );
}
