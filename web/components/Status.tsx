// Loading and error placeholders shared by the pages.
import { useTranslation } from 'react-i18next';

/** `what` names the thing loading, already in the interface language ("the draft"). */
export function Loading({ what }: { what: string }) {
  const { t } = useTranslation();
  return <p className="muted status-line">{t('common.loading', { what })}</p>;
}

export function ErrorNote({ error }: { error: Error }) {
  return (
    <p className="error-note" role="alert">
      {error.message}
    </p>
  );
}
