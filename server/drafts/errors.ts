// Why a drafts operation refused: the input names something invalid, something
// that does not exist (or that the user may not know of), something the user
// may read but not change, or something whose state no longer allows it (a
// proposal already decided). The API turns these into 400, 404, 403 and 409.
export class DraftError extends Error {
  constructor(
    readonly kind: 'invalid' | 'missing' | 'forbidden' | 'conflict',
    message: string,
  ) {
    super(message);
  }

  /** "Draft not found: d123", as every 404 of the API words it. */
  static missing(what: 'Draft' | 'Document' | 'Version' | 'Share' | 'Proposal' | 'Paragraph', id: string): DraftError {
    return new DraftError('missing', `${what} not found: ${id}`);
  }

  static forbidden(message: string): DraftError {
    return new DraftError('forbidden', message);
  }

  static invalid(message: string): DraftError {
    return new DraftError('invalid', message);
  }

  static conflict(message: string): DraftError {
    return new DraftError('conflict', message);
  }
}
