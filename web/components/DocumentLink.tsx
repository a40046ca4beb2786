// A corpus document named as a delegate cites it (its symbol, or its title when
// it has none; the id stands in while it loads): as a link, or as a plain name
// where a link cannot go (inside a menu item).
import { getDocument } from '../api.js';
import { linkClick } from '../lib/router.js';
import { useAsync } from '../lib/useAsync.js';

function useDocumentName(id: string): { name: string; title: string | undefined } {
  const doc = useAsync(() => getDocument(id), [id]);
  const d = doc.data?.document;
  return { name: d ? (d.symbol ?? d.title) : id, title: d?.title };
}

export function DocumentLink({ id }: { id: string }) {
  const { name, title } = useDocumentName(id);
  return (
    <a href={`/documents/${id}`} onClick={linkClick} className="sym" title={title}>
      {name}
    </a>
  );
}

export function DocumentName({ id }: { id: string }) {
  const { name, title } = useDocumentName(id);
  return (
    <span className="sym" title={title}>
      {name}
    </span>
  );
}
