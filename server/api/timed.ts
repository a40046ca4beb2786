// How long the server spent on an answer: the `tookMs` of suggestions and
// searches is the API's to report, measured here rather than by the search code
// (waiting in the search queue included: it is part of what the client waited).
export async function timed<T extends object>(work: () => Promise<T>): Promise<T & { tookMs: number }> {
  const started = performance.now();
  const result = await work();
  return { ...result, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}
