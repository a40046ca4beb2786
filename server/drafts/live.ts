// The live text of drafts, as the drafts service sees it: the one place that
// holds what co-editors are typing (server/live/ implements it over Yjs and
// Hocuspocus). The service settles it when it reads a draft with live changes
// not yet in its row, and reads the row again (so every read, export and version
// check sees the latest keystrokes; a draft nobody typed in live costs nothing
// more than its one read), pushes every save made
// through the API into it (so a REST save, an accepted proposal or a restored
// version reaches the open editors as a change, not a replacement), and drops
// it with the draft. Part of the drafts context as the server wires it; absent
// (tests of the service alone, the CLI), drafts behave as before.
import type { LiveContent } from '../../core/live-doc.js';
import type { Actor } from '../accounts/model.js';
import type { Draft } from './model.js';

export interface LiveText {
  /**
   * Writes the live text of `draftId` to its row now, if co-editors changed it
   * since. `updatesPending` is what the store said, read with the draft, of
   * updates stored and not yet written to the row (a server stopped before
   * their pause, or another instance has the draft open). True when the row
   * may have changed: the caller reads it again.
   */
  settle(draftId: string, updatesPending: boolean): Promise<boolean>;
  /**
   * A save made outside the live document: how the text it was made on (`prev`)
   * became `next`. `liveDocument`: whether the store has a live document of
   * the draft, as the save's write saw it (none: the row is all there is).
   */
  push(draftId: string, prev: LiveContent, next: LiveContent, actor: Actor | null, liveDocument: boolean): Promise<void>;
  /** Closes the draft's live connections (they reconnect, and access is checked again). */
  disconnect(draftId: string): void;
}

/** What the live document holds of a draft. */
export const liveContentOf = (d: Pick<Draft, 'title' | 'body' | 'baseDocumentId' | 'paragraphs'>): LiveContent => ({
  title: d.title,
  body: d.body,
  baseDocumentId: d.baseDocumentId,
  paragraphs: d.paragraphs,
});
