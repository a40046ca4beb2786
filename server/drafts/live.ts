// The live text of drafts, as the drafts service sees it: the one place that
// holds what co-editors are typing (server/live/ implements it over Yjs and
// Hocuspocus). The service settles it before reading a draft (so every read,
// export and version check sees the latest keystrokes), pushes every save made
// through the API into it (so a REST save, an accepted proposal or a restored
// version reaches the open editors as a change, not a replacement), and drops
// it with the draft. Part of the drafts context as the server wires it; absent
// (tests of the service alone, the CLI), drafts behave as before.
import type { LiveContent } from '../../core/live-doc.js';
import type { Actor } from '../accounts/model.js';
import type { Draft } from './model.js';

export interface LiveText {
  /** Writes the live text of `draftId` to its row now, if co-editors changed it since. */
  settle(draftId: string): Promise<void>;
  /** A save made outside the live document: how the text it was made on (`prev`) became `next`. */
  push(draftId: string, prev: LiveContent, next: LiveContent, actor: Actor | null): Promise<void>;
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
