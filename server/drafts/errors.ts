// Why a drafts operation refused: the input names something invalid, something
// that does not exist (or that the user may not know of), or something the
// user may read but not change. The API turns these into 400, 404 and 403.
export class DraftError extends Error {
  constructor(
    readonly kind: 'invalid' | 'missing' | 'forbidden',
    message: string,
  ) {
    super(message);
  }

  /** "Draft not found: d123", as every 404 of the API words it. */
  static missing(what: 'Draft' | 'Document' | 'Version' | 'Share', id: string): DraftError {
    return new DraftError('missing', `${what} not found: ${id}`);
  }

  static forbidden(message: string): DraftError {
    return new DraftError('forbidden', message);
  }

  static invalid(message: string): DraftError {
    return new DraftError('invalid', message);
  }
}
