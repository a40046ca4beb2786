// A paragraph's history back through its series: the same paragraph in each
// earlier version (newest first), what changed each time, and where it first
// appeared ("first appeared in" only when the corpus holds the version before
// it; "at least as old as" otherwise). Documents are named by their symbols.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { citeIn, labelIn } from '../../core/citation-in.js';
import { getLineage } from '../api.js';
import { useAsync } from '../lib/useAsync.js';
import { linkClick } from '../lib/router.js';
import { formatDate, formatNumber, formatPercent, idLanguage } from '../lib/format.js';
import { InlineChanges } from '../components/InlineChanges.js';
import { ErrorNote, Loading } from '../components/Status.js';
import { intlLocale } from '../i18n/locale.js';

export function LineagePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lineage = useAsync((signal) => getLineage(id, signal), [id]);
  if (lineage.error) return <ErrorNote error={lineage.error} />;
  if (!lineage.data) return <Loading what={t('what.lineage')} />;
  const { paragraph, document, series, ancestors, firstAppeared } = lineage.data;
  const lang = idLanguage(paragraph.documentId);
  return (
    <div className="page lineage">
      <div className="page-head">
        <div>
          <h1>
            {t('lineage.heading', { label: labelIn(paragraph.label, lang) })}{' '}
            <a href={`/documents/${paragraph.documentId}?p=${encodeURIComponent(paragraph.id)}`} onClick={linkClick} className="sym" title={document.title}>
              {document.symbol ?? document.title}
            </a>
          </h1>
          <div className="muted small">{series ? t('lineage.series', { title: series.title }) : t('lineage.noSeries')}</div>
        </div>
      </div>
      <ol className="lineage-steps" lang={lang}>
        <li className="step current">
          <div className="step-head">
            <span className="cite">{labelIn(paragraph.label, lang)}</span> <span className="kind">{t('lineage.thisVersion')}</span>
          </div>
          <div className="step-text" dir="auto">{paragraph.text}</div>
        </li>
        {ancestors.map((s) => (
          <li key={s.document.id} className={`step k-${s.kind}`}>
            <div className="step-head">
              <a href={`/documents/${s.document.id}?p=${encodeURIComponent(s.paragraphs[0]?.id ?? '')}`} onClick={linkClick} className="cite">
                {citeIn(s.document, s.paragraphs.map((p) => p.label), s.document.language || lang)}
              </a>
              <span className="muted small">{formatDate(s.document.date)}</span>
              <span className={`kind k-${s.kind}`}>{t(`diff.kind.${s.kind}`)}</span>
              {s.routineOnly && <span className="kind k-routine">{t('diff.routineOnly')}</span>}
              <span className="muted small">{t('lineage.similarity', { value: formatPercent(s.similarity) })}</span>
            </div>
            <div className="step-text" dir="auto">
              <InlineChanges changes={s.changes} lang={lang} />
            </div>
          </li>
        ))}
      </ol>
      <p className="first-appeared">
        {firstAppeared.exact ? t('lineage.firstAppeared') : t('lineage.atLeastAsOld')}{' '}
        <a href={`/documents/${firstAppeared.document.id}`} onClick={linkClick} className="sym">
          {firstAppeared.document.symbol ?? firstAppeared.document.title}
        </a>{' '}
        ({formatDate(firstAppeared.document.date)})
        {firstAppeared.oldestInCorpus && <span className="muted small">{t('lineage.oldest')}</span>}
        {firstAppeared.missingSessions.length > 0 && (
          <span className="muted small">{t('lineage.lacks', { sessions: sessionRange(firstAppeared.missingSessions, t) })}</span>
        )}
      </p>
    </div>
  );
}

/** [63, 64, 65] → "sessions 63–65"; [68] → "session 68"; [70, 72] → "sessions 70, 72" (in the interface language). */
function sessionRange(sessions: number[], t: TFunction): string {
  if (sessions.length === 1) return t('lineage.session', { n: formatNumber(sessions[0]) });
  const contiguous = sessions.every((s, i) => i === 0 || s === sessions[i - 1] + 1);
  const list = contiguous ? `${sessions[0]}–${sessions[sessions.length - 1]}` : new Intl.ListFormat(intlLocale(), { type: 'unit' }).format(sessions.map(String));
  return t('lineage.sessions', { list });
}
