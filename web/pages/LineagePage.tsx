// A paragraph's history back through its series: the same paragraph in each
// earlier version, what changed each time, and where it first appeared.
import { getLineage } from '../api.js';
import { useAsync } from '../lib/useAsync.js';
import { ErrorNote, Loading } from '../components/Status.js';

export function LineagePage({ id }: { id: string }) {
  const lineage = useAsync((signal) => getLineage(id, signal), [id]);
  if (lineage.error) return <ErrorNote error={lineage.error} />;
  if (!lineage.data) return <Loading what="the lineage" />;
  return (
    <div className="page">
      <h1>Lineage of {id}</h1>
      <pre>{JSON.stringify(lineage.data, null, 2)}</pre>
    </div>
  );
}
