// Text with [start, end) ranges marked (shared passages, phrase matches).
export function Highlight({ text, ranges, className = 'hl' }: { text: string; ranges: [number, number][]; className?: string }) {
  const sorted = [...ranges].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: React.ReactNode[] = [];
  let at = 0;
  sorted.forEach(([s, e], i) => {
    const start = Math.max(s, at);
    if (start >= e) return;
    if (start > at) out.push(text.slice(at, start));
    out.push(
      <mark key={i} className={className}>
        {text.slice(start, e)}
      </mark>,
    );
    at = e;
  });
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}
