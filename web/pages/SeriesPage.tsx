// Series comparison: pick a recurring resolution and two of its versions, see
// them aligned (side by side or inline) with every change marked and counted.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffDocxUrl, getDiff, getSeries } from '../api.js';
import { useAsync } from '../lib/useAsync.js';
import { navigate } from '../lib/router.js';
import { formatDate, formatNumber } from '../lib/format.js';
import { intlLocale } from '../i18n/locale.js';
import { LanguageSelect } from '../components/LanguageSelect.js';
import { DiffView } from '../components/DiffView.js';
import { ErrorNote, Loading } from '../components/Status.js';

/**
 * Text set apart for the bidi algorithm (FSI … PDI) where no element can be:
 * inside an <option>, "A/RES/80/229 · 18/12/2025" stays whole in an Arabic interface.
 */
const isolated = (text: string) => `\u2068${text}\u2069`;

export function SeriesPage({ query }: { query: URLSearchParams }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState(query.get('language') ?? 'zh');
  const list = useAsync((signal) => getSeries(language, signal), [language]);
  const seriesId = query.get('series');
  const fromParam = query.get('from');
  // The chosen series, or (linked with only from/to) the series holding that version.
  const series = useMemo(
    () => list.data?.series.find((s) => (seriesId ? s.id === seriesId : s.documents.some((d) => d.id === fromParam))) ?? null,
    [list.data, seriesId, fromParam],
  );
  const docs = series?.documents ?? [];
  const from = query.get('from') ?? docs[docs.length - 2]?.id ?? null;
  const to = query.get('to') ?? docs[docs.length - 1]?.id ?? null;
  const diff = useAsync((signal) => (from && to ? getDiff(from, to, signal) : Promise.resolve(null)), [from, to]);

  const set = (patch: Record<string, string | null>) => {
    const q = new URLSearchParams(query);
    for (const [k, v] of Object.entries(patch)) {
      if (v) q.set(k, v);
      else q.delete(k);
    }
    navigate(`/series?${q}`, { replace: true });
  };

  useEffect(() => {
    // A series from another language is not in this list: forget it.
    if (list.data && seriesId && !list.data.series.some((s) => s.id === seriesId)) set({ series: null, from: null, to: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list.data]);

  const sym = (id: string | null) => docs.find((d) => d.id === id)?.symbol ?? (id === diff.data?.from.id ? diff.data?.from.symbol : id === diff.data?.to.id ? diff.data?.to.symbol : null) ?? id ?? '';
  return (
    <div className="page series-page">
      <div className="page-head">
        <h1>{t('series.heading')}</h1>
        <div className="toolbar">
          <LanguageSelect
            value={language}
            onChange={(l) => {
              setLanguage(l);
              set({ language: l, series: null, from: null, to: null });
            }}
          />
          <select value={series?.id ?? ''} aria-label={t('series.seriesAria')} onChange={(e) => set({ series: e.target.value || null, from: null, to: null })} className="series-select">
            <option value="">{t('series.choose')}</option>
            {(list.data?.series ?? []).map((s) => (
              <option key={s.id} value={s.id} lang={language}>
                {t('series.versionsCount', { title: s.title.slice(0, 90), count: s.documents.length })}
              </option>
            ))}
          </select>
          {series && (
            <>
              <select value={from ?? ''} aria-label={t('series.fromAria')} onChange={(e) => set({ from: e.target.value })}>
                {docs.map((d) => (
                  <option key={d.id} value={d.id}>
                    {isolated(d.symbol ?? d.id)} · {isolated(formatDate(d.date))}
                  </option>
                ))}
              </select>
              <span className="muted">{i18n.dir() === 'rtl' ? '←' : '→'}</span>
              <select value={to ?? ''} aria-label={t('series.toAria')} onChange={(e) => set({ to: e.target.value })}>
                {docs.map((d) => (
                  <option key={d.id} value={d.id}>
                    {isolated(d.symbol ?? d.id)} · {isolated(formatDate(d.date))}
                  </option>
                ))}
              </select>
            </>
          )}
          {from && to && from !== to && (
            <a href={diffDocxUrl(from, to)} download className="button" title={t('series.downloadTitle', { to: sym(to), from: sym(from) })}>
              {t('common.downloadComparison')}
            </a>
          )}
        </div>
      </div>
      {series && (
        <ol className="timeline" aria-label={t('series.versionsAria')}>
          {docs.map((d) => [
            <li key={d.id} className={d.id === from ? 'from' : d.id === to ? 'to' : ''}>
              <span className="sym">{d.symbol ?? d.id}</span> <span className="muted small">{formatDate(d.date)}</span>
            </li>,
            ...series.gaps
              .filter((g) => g.after === d.symbol)
              .map((g) => (
                <li key={`gap-${d.id}`} className="gap" title={g.known ? t('series.gapKnownTitle') : t('series.gapUnknownTitle')}>
                  {t('series.gap', { count: g.sessions.length, sessions: new Intl.ListFormat(intlLocale(), { type: 'unit' }).format(g.sessions.map((s) => formatNumber(s))) })}
                  {g.known ? '' : t('series.notInCorpus')}
                </li>
              )),
          ])}
        </ol>
      )}
      {list.error && <ErrorNote error={list.error} />}
      {list.loading && !list.data && <Loading what={t('what.series')} />}
      {list.data && !series && !diff.data && <p className="muted">{t('series.hint')}</p>}
      {diff.error && <ErrorNote error={diff.error} />}
      {from && to && diff.loading && <Loading what={t('what.comparison')} />}
      {diff.data && <DiffView diff={diff.data} fromName={sym(from)} toName={sym(to)} />}
    </div>
  );
}
