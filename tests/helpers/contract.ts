// Checks an API answer against the contract: it parses with the route's schema,
// and the parse drops nothing (a field the contract does not state would be
// stripped, and the comparison would fail).
import { expect } from 'vitest';
import type { z } from 'zod';

export function expectContract<S extends z.ZodType>(schema: S, body: unknown, what = 'answer'): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`${what}: ${JSON.stringify(parsed.error.issues).slice(0, 1000)}`);
  expect(parsed.data, what).toEqual(body);
  return parsed.data;
}
