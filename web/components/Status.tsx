// Loading and error placeholders shared by the pages.
export function Loading({ what }: { what: string }) {
  return <p className="muted status-line">Loading {what}…</p>;
}

export function ErrorNote({ error }: { error: Error }) {
  return (
    <p className="error-note" role="alert">
      {error.message}
    </p>
  );
}
