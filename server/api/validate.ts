// Input validation at the edge: the contract's zod schemas through Hono's
// validator, with failures answered as 400 { error } naming the field and the problem.
import { zValidator } from '@hono/zod-validator';
import type { ZodType } from 'zod';
import type { ValidationTargets } from 'hono';
import type { ErrorBody } from './contract.js';
import { describeZodError } from './errors.js';

export function validate<T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c) => {
    if (!result.success) return c.json({ error: `Invalid ${target}: ${describeZodError(result.error)}` } satisfies ErrorBody, 400);
  });
}
