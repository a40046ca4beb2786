// One JSON shape for every error the API returns: { error: message }. Route
// code throws ApiError; validation failures are turned into 400s that name the field.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { ErrorBody } from './contract.js';

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(status, { message });
  }
}

export const notFound = (what: string, id: string) => new ApiError(404, `${what} not found: ${id}`);

/** Formats a zod error as "field: problem; other: problem". */
export function describeZodError(error: z.core.$ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ');
}

export function errorResponse(err: Error, c: Context) {
  if (err instanceof ApiError) return c.json({ error: err.message, ...(err.details ? { details: err.details } : {}) } satisfies ErrorBody, err.status, err.headers);
  if (err instanceof HTTPException) {
    // Hono's own 400 for a body that is not JSON says so; keep its message.
    return c.json({ error: err.message || 'Bad request' } satisfies ErrorBody, err.status);
  }
  console.error(err);
  return c.json({ error: 'Internal server error' } satisfies ErrorBody, 500);
}
