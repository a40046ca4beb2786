// The notice an imported draft opens with: what was read, how many tracked
// changes the file carried and which way they were taken, and any warnings.
import { Trans, useTranslation } from 'react-i18next';
import type { ImportNotice } from '../lib/importNotice.js';

export function ImportNoticeBar({ notice, onClose }: { notice: ImportNotice; onClose: () => void }) {
  const { t } = useTranslation();
  const { changesSeen, changes, warnings } = notice;
  return (
    <div className="notice" role="status" data-changes-seen={changesSeen ?? ''}>
      <div className="notice-main">
        <span>
          <Trans i18nKey="importNotice.imported" count={notice.paragraphs} values={{ source: notice.source }} components={{ b: <b /> }} />{' '}
          {changesSeen === null
            ? null
            : changesSeen === 0
              ? t('importNotice.noChanges')
              : changes === 'reject'
                ? t('importNotice.rejected', { count: changesSeen })
                : t('importNotice.accepted', { count: changesSeen })}
        </span>
        <button type="button" className="notice-close" onClick={onClose} aria-label={t('common.dismiss')}>
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
