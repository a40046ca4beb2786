// Who else is in a draft and where: each co-editor's name, delegation and the
// paragraph they are in, as the live document's awareness carries them, and
// one colour per delegation (the same on every screen). Pure.

export interface PresenceState {
  user?: { name: string; delegation: string };
  /** The paragraph being edited; null when none is. */
  paragraphId?: string | null;
}

export interface Peer {
  clientId: number;
  name: string;
  delegation: string;
  colour: string;
  paragraphId: string | null;
}

/** Distinct on a white page and for common colour blindness (Okabe–Ito, darkened for text contrast). */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#8B6B00', '#56B4E9', '#E69F00', '#555555'];

/** The colour of a delegation: the same wherever it is shown. */
export function delegationColour(delegation: string): string {
  let h = 0;
  for (const ch of delegation) h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

/** The others in the draft (not this client), by name. */
export function peersOf(states: ReadonlyMap<number, PresenceState>, self: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === self || !state.user) continue;
    const { name, delegation } = state.user;
    peers.push({ clientId, name, delegation, colour: delegationColour(delegation), paragraphId: state.paragraphId ?? null });
  }
  return peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

/** "LW" for Li Wei, "A" for Anna: what fits in the margin beside a paragraph. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => [...w][0]?.toUpperCase() ?? '').join('') || '?';
}
