// The "Import" tab of the New draft panel: a .docx (chosen or dropped) or
// pasted text becomes a draft. For files with tracked changes the user picks
// which text to take; a refusal (400) is shown here and keeps the input.
import { useRef, useState, type DragEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { importDraft, type Language } from '../api.js';
import { navigate } from '../lib/router.js';
import { LanguageSelect } from './LanguageSelect.js';
import { setImportNotice } from '../lib/importNotice.js';
import { formatNumber } from '../lib/format.js';

const MAX_MB = 10;

export function ImportDraft({ language, onLanguage }: { language: string; onLanguage: (l: string) => void }) {
  const { t } = useTranslation();
  const sizeText = (n: number) =>
    n < 1024
      ? t('importDraft.bytes', { n: formatNumber(n) })
      : n < 1024 * 1024
        ? t('importDraft.kb', { n: formatNumber(Math.round(n / 1024)) })
        : t('importDraft.mb', { n: formatNumber(n / 1024 / 1024, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) });
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
        source: mode === 'file' ? file!.name : t('importDraft.pasted'),
      });
      navigate(`/drafts/${result.draft.id}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  const ready = mode === 'file' ? file !== null : text.trim() !== '';
  return (
    <form className="import" onSubmit={(e) => (e.preventDefault(), ready && void submit())} aria-label={t('importDraft.label')}>
      <div className="seg import-mode">
        <button type="button" aria-pressed={mode === 'file'} onClick={() => setMode('file')}>
          {t('importDraft.wordFile')}
        </button>
        <button type="button" aria-pressed={mode === 'paste'} onClick={() => setMode('paste')}>
          {t('importDraft.pasteText')}
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
              aria-label={t('importDraft.wordFile')}
              onChange={(e) => choose(e.target.files?.[0])}
            />
            {file ? (
              <span className="file-chosen">
                <b>{file.name}</b> <span className="muted">{sizeText(file.size)}</span>
                <span className="muted small">{t('importDraft.chosenHint')}</span>
              </span>
            ) : (
              <span>
                <span>
                  <Trans i18nKey="importDraft.drop" components={{ u: <u /> }} />
                </span>
                <span className="muted small">{t('importDraft.limits', { mb: formatNumber(MAX_MB) })}</span>
              </span>
            )}
          </label>
          <fieldset className="choice">
            <legend>{t('importDraft.trackedLegend')}</legend>
            <label>
              <input type="radio" name="changes" value="accept" checked={changes === 'accept'} onChange={() => setChanges('accept')} />
              <span>
                <b>{t('importDraft.accept')}</b> <span className="muted">{t('importDraft.acceptHint')}</span>
              </span>
            </label>
            <label>
              <input type="radio" name="changes" value="reject" checked={changes === 'reject'} onChange={() => setChanges('reject')} />
              <span>
                <b>{t('importDraft.reject')}</b> <span className="muted">{t('importDraft.rejectHint')}</span>
              </span>
            </label>
          </fieldset>
        </>
      ) : (
        <>
          <label className="field">
            <span>{t('common.language')}</span>
            <LanguageSelect value={language} onChange={onLanguage} />
          </label>
          <label className="field">
            <span>{t('importDraft.textLabel')}</span>
            <textarea
              className="paste"
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={9}
              aria-label={t('importDraft.textAria')}
              placeholder={t('importDraft.placeholder', { lng: language })}
              lang={language}
            />
          </label>
        </>
      )}
      <p className="muted small">{t('importDraft.recognised')}</p>
      {error && (
        <p className="error-note" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || !ready}>
        {busy ? t('importDraft.importing') : t('importDraft.submit')}
      </button>
    </form>
  );
}
