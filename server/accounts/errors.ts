// Why an accounts operation refused. The API turns each kind into its status:
// invalid 400, unauthenticated 401, forbidden 403, conflict 409, throttled 429
// (with the seconds to wait).
export type AccountErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'conflict' | 'throttled';

export class AccountError extends Error {
  constructor(
    readonly kind: AccountErrorKind,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
