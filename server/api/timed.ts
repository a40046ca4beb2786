// How long the server spent on an answer: the `tookMs` of suggestions and
// searches is the API's to report, measured here rather than by the search code.
export function timed<T extends object>(work: () => T): T & { tookMs: number } {
  const started = performance.now();
  const result = work();
  return { ...result, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}
