// Reads and validates the manual corrections to series grouping
// (corpus/series.json): the delegate's word where titles changed between
// versions or coincide by chance. Called at the edge (server start-up), which
// hands the result to the compare service as data.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SeriesOverrides } from './series.js';

const overridesSchema = z.object({
  join: z.array(z.array(z.string().min(1)).min(2)).default([]),
  exclude: z.array(z.string().min(1)).default([]),
});

/** The overrides in `file`; none when the file does not exist. A malformed file is an error naming it. */
export function readSeriesOverrides(file: string): SeriesOverrides {
  if (!existsSync(file)) return {};
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot be read (${(err as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = overridesSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
