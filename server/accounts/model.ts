// The accounts domain: delegations (the organisations drafts belong to), the
// users who sign in as members of one, their sessions, and the audit log's
// entries. Type-only; the API sends these shapes (server/api/contract.ts).

export interface Delegation {
  id: string;
  /** As the delegation calls itself: "China", "European Union", "UNODC secretariat". */
  name: string;
}

export interface User {
  id: string;
  /** The login, compared without regard to case. */
  email: string;
  name: string;
  delegation: Delegation;
  admin: boolean;
  createdAt: string;
}

/** A user as the store holds them: with the password hash, which never leaves server/accounts. */
export interface UserWithPassword extends User {
  passwordHash: string;
}

/** Who is asking: the signed-in user (the API's routes receive this, never a bare id). */
export type Actor = User;

export interface SessionRecord {
  /** sha256 of the cookie's token: the database never holds a usable token. */
  tokenHash: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'password-changed',
  'user-created',
  'draft-deleted',
  'draft-shared',
  'draft-unshared',
  'draft-restored',
  'revision-named',
  'proposal-accepted',
  'proposal-rejected',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: number;
  at: string;
  action: AuditAction;
  actorId: string | null;
  actorEmail: string | null;
  address: string | null;
  /** What the action was on: a draft id, a user's e-mail. */
  target: string | null;
  detail: string | null;
}
