// Who may do what with a draft, as a pure rule: members of the owning
// delegation own it; a share gives read or edit to a delegation or one user;
// anyone else has no access at all (the API answers 404, so a stranger never
// learns that the draft exists). Writes need edit; sharing and deleting need
// ownership.
import type { DraftAccess, ShareAccess } from './model.js';

export function accessFor(ownerDelegationId: string | null, actorDelegationId: string, shares: readonly { access: ShareAccess }[]): DraftAccess | null {
  if (ownerDelegationId !== null && ownerDelegationId === actorDelegationId) return 'owner';
  if (shares.some((s) => s.access === 'edit')) return 'edit';
  return shares.length ? 'read' : null;
}

export type DraftAction = 'read' | 'write' | 'manage';

const RANK: Record<DraftAccess, number> = { read: 0, edit: 1, owner: 2 };
const NEEDS: Record<DraftAction, DraftAccess> = { read: 'read', write: 'edit', manage: 'owner' };

export const allows = (access: DraftAccess, action: DraftAction): boolean => RANK[access] >= RANK[NEEDS[action]];
