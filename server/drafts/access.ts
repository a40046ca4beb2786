// Who may do what with a draft, as a pure rule: members of the owning
// delegation own it (the pen-holder); a share gives read, propose or edit to a
// delegation or one user; anyone else has no access at all (the API answers
// 404, so a stranger never learns that the draft exists). Proposals (and
// supporting or objecting to them) need propose; changing the text needs edit;
// sharing, deleting and deciding on proposals need ownership.
import type { DraftAccess, ShareAccess } from './model.js';

/** The strongest of the actor's shares wins: a delegation share of read and a personal one of edit make edit. */
const SHARE_RANK: Record<ShareAccess, number> = { read: 0, propose: 1, edit: 2 };

export function accessFor(ownerDelegationId: string | null, actorDelegationId: string, shares: readonly { access: ShareAccess }[]): DraftAccess | null {
  if (ownerDelegationId !== null && ownerDelegationId === actorDelegationId) return 'owner';
  if (!shares.length) return null;
  return shares.reduce((best, s) => (SHARE_RANK[s.access] > SHARE_RANK[best] ? s.access : best), 'read' as ShareAccess);
}

export type DraftAction = 'read' | 'propose' | 'write' | 'manage';

const RANK: Record<DraftAccess, number> = { read: 0, propose: 1, edit: 2, owner: 3 };
const NEEDS: Record<DraftAction, DraftAccess> = { read: 'read', propose: 'propose', write: 'edit', manage: 'owner' };

export const allows = (access: DraftAccess, action: DraftAction): boolean => RANK[access] >= RANK[NEEDS[action]];
