// A link to a corpus document, labelled as a delegate cites it (its symbol, or
// its title when it has none); the id stands in while it loads.
import { getDocument } from '../api.js';
import { linkClick } from '../lib/router.js';
import { useAsync } from '../lib/useAsync.js';

export function DocumentLink({ id }: { id: string }) {
  const doc = useAsync(() => getDocument(id), [id]);
  const d = doc.data?.document;
  return (
    <a href={`/documents/${id}`} onClick={linkClick} className="sym" title={d?.title}>
      {d ? (d.symbol ?? d.title) : id}
    </a>
  );
}
