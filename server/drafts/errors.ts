// Why a drafts operation refused: the input names something invalid, or
// something that does not exist. The API turns these into 400 and 404.
export class DraftError extends Error {
  constructor(
    readonly kind: 'invalid' | 'missing',
    message: string,
  ) {
    super(message);
  }

  /** "Draft not found: d123", as every 404 of the API words it. */
  static missing(what: 'Draft' | 'Document', id: string): DraftError {
    return new DraftError('missing', `${what} not found: ${id}`);
  }

  static invalid(message: string): DraftError {
    return new DraftError('invalid', message);
  }
}
