// A draft's negotiation as the editor holds it: the proposals, each
// paragraph's status and the counts (loaded, reloaded after every action),
// the "open only" filter, and the pen-holder's status changes.
import { useCallback, useState } from 'react';
import { getProposals, setParagraphStatus, type ParagraphStatusT } from '../api.js';
import { useAsync } from '../lib/useAsync.js';

/** `changes` changes when the negotiation may have changed elsewhere (a new version, an announcement from the live draft). */
export function useNegotiation(draftId: string, changes: string) {
  const loaded = useAsync((signal) => getProposals(draftId, signal), [draftId, changes]);
  const [openOnly, setOpenOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const statusOf = useCallback((paragraphId: string): ParagraphStatusT => loaded.data?.statuses[paragraphId] ?? 'open', [loaded.data]);
  const setStatus = async (paragraphId: string, status: ParagraphStatusT) => {
    setError(null);
    try {
      await setParagraphStatus(draftId, paragraphId, status);
      loaded.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return {
    data: loaded.data,
    loadError: loaded.error,
    reload: loaded.reload,
    openOnly,
    setOpenOnly,
    statusOf,
    /** The filter: with "open only", paragraphs agreed (ad ref or not) are hidden. */
    shown: (p: { id: string }) => !openOnly || statusOf(p.id) === 'open',
    setStatus,
    error,
  };
}

export type Negotiation = ReturnType<typeof useNegotiation>;
