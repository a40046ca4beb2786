// The "Import" tab of the New draft panel: a .docx (chosen or dropped) or
// pasted text becomes a draft. For files with tracked changes the user picks
// which text to take; a refusal (400) is shown here and keeps the input.
import { useRef, useState, type DragEvent } from 'react';
import { importDraft, type Language } from '../api.js';
import { navigate } from '../lib/router.js';
import { LanguageSelect } from './LanguageSelect.js';
import { setImportNotice } from '../lib/importNotice.js';

const MAX_MB = 10;
const sizeText = (n: number) => (n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${Math.round(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

export function ImportDraft({ language, onLanguage }: { language: string; onLanguage: (l: string) => void }) {
  const [mode, setMode] = useState<'file' | 'paste'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [changes, setChanges] = useState<'accept' | 'reject'>('accept');
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const choose = (f: File | null | undefined) => {
    if (!f) return;
    setFile(f);
    setError(null);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    choose(e.dataTransfer.files[0]);
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await importDraft(mode === 'file' ? { file: file!, changes } : { text, language: language as Language });
      setImportNotice(result.draft.id, {
        changesSeen: result.changesSeen,
        changes: result.changes,
        warnings: result.warnings,
        paragraphs: result.draft.paragraphs.length,
        source: mode === 'file' ? file!.name : 'pasted text',
      });
      navigate(`/drafts/${result.draft.id}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  const ready = mode === 'file' ? file !== null : text.trim() !== '';
  return (
    <form className="import" onSubmit={(e) => (e.preventDefault(), ready && void submit())} aria-label="Import">
      <div className="seg import-mode">
        <button type="button" aria-pressed={mode === 'file'} onClick={() => setMode('file')}>
          Word file
        </button>
        <button type="button" aria-pressed={mode === 'paste'} onClick={() => setMode('paste')}>
          Paste text
        </button>
      </div>
      {mode === 'file' ? (
        <>
          <label
            className={`dropzone ${over ? 'over' : ''} ${file ? 'has-file' : ''}`}
            onDragOver={(e) => (e.preventDefault(), setOver(true))}
            onDragLeave={() => setOver(false)}
            onDrop={onDrop}
          >
            <input
              ref={input}
              type="file"
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-label="Word file"
              onChange={(e) => choose(e.target.files?.[0])}
            />
            {file ? (
              <span className="file-chosen">
                <b>{file.name}</b> <span className="muted">{sizeText(file.size)}</span>
                <span className="muted small">Drop or click to choose another file</span>
              </span>
            ) : (
              <span>
                <span>
                  Drop a .docx here or <u>choose a file</u>
                </span>
                <span className="muted small">Word 2007 or later, up to {MAX_MB} MB</span>
              </span>
            )}
          </label>
          <fieldset className="choice">
            <legend>If the file has tracked changes</legend>
            <label>
              <input type="radio" name="changes" value="accept" checked={changes === 'accept'} onChange={() => setChanges('accept')} />
              <span>
                <b>Accept all changes</b> <span className="muted">— the proposal as sent</span>
              </span>
            </label>
            <label>
              <input type="radio" name="changes" value="reject" checked={changes === 'reject'} onChange={() => setChanges('reject')} />
              <span>
                <b>Reject all changes</b> <span className="muted">— the text it was compared against</span>
              </span>
            </label>
          </fieldset>
        </>
      ) : (
        <>
          <label className="field">
            <span>Language</span>
            <LanguageSelect value={language} onChange={onLanguage} />
          </label>
          <label className="field">
            <span>Text: title, then one paragraph per line</span>
            <textarea
              className="paste"
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={9}
              aria-label="Text to import"
              placeholder={'Title\nThe General Assembly,\nRecalling …,\n1. Decides …;'}
              lang={language}
            />
          </label>
        </>
      )}
      <p className="muted small">Preambular and operative paragraphs, numbering, lead phrases and footnotes are recognised.</p>
      {error && (
        <p className="error-note" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || !ready}>
        {busy ? 'Importing…' : 'Import as new draft'}
      </button>
    </form>
  );
}
