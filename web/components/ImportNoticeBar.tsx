// The notice an imported draft opens with: what was read, how many tracked
// changes the file carried and which way they were taken, and any warnings.
import type { ImportNotice } from '../lib/importNotice.js';

export function ImportNoticeBar({ notice, onClose }: { notice: ImportNotice; onClose: () => void }) {
  const { changesSeen, changes, warnings } = notice;
  return (
    <div className="notice" role="status" data-changes-seen={changesSeen ?? ''}>
      <div className="notice-main">
        <span>
          Imported <b>{notice.paragraphs}</b> paragraph{notice.paragraphs === 1 ? '' : 's'} from {notice.source}.{' '}
          {changesSeen === null
            ? null
            : changesSeen === 0
              ? 'The file had no tracked changes.'
              : `${changesSeen} tracked change${changesSeen === 1 ? '' : 's'} seen, all ${changes === 'reject' ? 'rejected (the text it was compared against)' : 'accepted (the proposal as sent)'}.`}
        </span>
        <button type="button" className="notice-close" onClick={onClose} aria-label="Dismiss">
          ×
        </button>
      </div>
      {warnings.length > 0 && (
        <ul className="notice-warnings">
          {warnings.map((w, i) => (
            <li key={i} className="warn">
              {w}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
