// What an importer is given beside the text (metadata from the manifest) and what
// it gives back. Importers are pure: text in, documents out, no I/O.
import type { DocumentKind, Language, ParsedDocument } from '../../core/model.js';

/**
 * Metadata supplied beside a source file (corpus/manifest.json, or the CLI).
 * Where the text states a value itself, the text wins unless the manifest value
 * is marked as an override; where neither says, the field stays null and the
 * importer reports a warning: nothing is guessed silently.
 */
export interface SourceMetadata {
  symbol?: string | null;
  title?: string;
  language?: Language;
  kind?: DocumentKind;
  body?: string;
  session?: number | null;
  date?: string | null;
}

export interface ImportResult {
  documents: ParsedDocument[];
  /** Things a person should know: missing metadata, source inconsistencies. */
  warnings: string[];
}

export class ImportError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`${source}: ${reason}`);
    this.name = 'ImportError';
  }
}
