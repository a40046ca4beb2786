// Previous / next through a paged list, with where the page is in it
// ("51–100 of 4,005"): the drafts and documents lists, whose answers carry
// offset, limit and total. Hidden when everything fits on one page. It sits
// below the list: turning the page goes back to the top, where the new page starts.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format.js';

export interface PageInfo {
  offset: number;
  limit: number;
  total: number;
  /** Rows on this page. */
  shown: number;
}

export function Pager({ page, onOffset }: { page: PageInfo; onOffset: (offset: number) => void }) {
  const { t } = useTranslation();
  const { offset, limit, total, shown } = page;
  if (offset === 0 && total <= limit) return null;
  const turn = (to: number) => {
    onOffset(to);
    window.scrollTo({ top: 0 });
  };
  return (
    <nav className="pager" aria-label={t('common.pages')}>
      <button type="button" disabled={offset <= 0} onClick={() => turn(Math.max(0, offset - limit))}>
        {t('common.previous')}
      </button>
      <span className="muted small" data-range>
        {t('common.range', { from: formatNumber(Math.min(offset + 1, total)), to: formatNumber(offset + shown), total: formatNumber(total) })}
      </span>
      <button type="button" disabled={offset + limit >= total} onClick={() => turn(offset + limit)}>
        {t('common.next')}
      </button>
    </nav>
  );
}
