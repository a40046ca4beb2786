// Proposals, stances and paragraph statuses in PostgreSQL, as
// server/store/negotiation.ts keeps them in SQLite. A proposal's supporters and
// objectors come in the same statement as the proposal (one snapshot, one round
// trip); `position` stands in for SQLite's rowid as the order proposals were made.
import type pg from 'pg';
import type { ParagraphStatus, ProposalRecord } from '../../negotiation/model.js';
import type { NegotiationStore, NewProposal } from '../store.js';
import { PROPOSAL_COLUMNS, PROPOSAL_FROM, toProposal, type ProposalRow } from '../rows.js';
import { inTransaction, num } from './sql.js';

/** The first key of the per-draft lock under which proposals are numbered (the second is the draft id's hash). */
const NUMBERING_LOCK = 7302;

interface ProposalWithStances extends ProposalRow {
  supporters: string[];
  objectors: string[];
}

/** Delegation names in the order they took the stance (then by name, without case as SQLite's NOCASE). */
const stances = (stance: string) => `COALESCE((SELECT json_agg(sg.name ORDER BY st.at, lower(sg.name) COLLATE "C")
    FROM proposal_stances st JOIN delegations sg ON sg.id = st.delegation_id WHERE st.proposal_id = p.id AND st.stance = '${stance}'), '[]'::json)`;

const PROPOSAL_SELECT = `SELECT ${PROPOSAL_COLUMNS}, ${stances('support')} AS supporters, ${stances('object')} AS objectors FROM ${PROPOSAL_FROM}`;

const toRecord = (row: ProposalWithStances): ProposalRecord => toProposal(row, row);

export function negotiationStore(pool: pg.Pool): NegotiationStore {
  return {
    async list(draftId) {
      const { rows } = await pool.query<ProposalWithStances>(`${PROPOSAL_SELECT} WHERE p.draft_id = $1 ORDER BY p.created_at, p.position`, [draftId]);
      return rows.map(toRecord);
    },

    async get(draftId, id) {
      const { rows } = await pool.query<ProposalWithStances>(`${PROPOSAL_SELECT} WHERE p.draft_id = $1 AND p.id = $2`, [draftId, id]);
      return rows[0] ? toRecord(rows[0]) : null;
    },

    async countOn(draftId, kind, paragraphId, section) {
      const { rows } = await pool.query<{ n: string }>(
        `SELECT COUNT(*) AS n FROM proposals WHERE draft_id = $1 AND kind = $2 AND paragraph_id IS NOT DISTINCT FROM $3
         AND (paragraph_id IS NOT NULL OR section = $4)`,
        [draftId, kind, paragraphId, section],
      );
      return num(rows[0]!.n);
    },

    async insert(p: NewProposal) {
      return inTransaction(pool, async (client) => {
        // One numbering at a time per draft, whichever instance asks: held to commit.
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [NUMBERING_LOCK, p.draftId]);
        const { rows } = await client.query<{ n: string }>(
          `SELECT COUNT(*) AS n FROM proposals WHERE draft_id = $1 AND kind = $2 AND paragraph_id IS NOT DISTINCT FROM $3
           AND (paragraph_id IS NOT NULL OR section = $4)`,
          [p.draftId, p.kind, p.paragraphId, p.section],
        );
        const sequence = p.kind === 'add' || p.kind === 'alt' ? num(rows[0]!.n) + 1 : 1;
        await client.query(
          `INSERT INTO proposals (id, draft_id, kind, paragraph_id, section, text, note, basis, anchor_label, sequence, delegation_id, author_id, status, evidence, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'open', $13, $14)`,
          [p.id, p.draftId, p.kind, p.paragraphId, p.section, p.text, p.note, p.basis, p.anchorLabel, sequence, p.delegationId, p.authorId, JSON.stringify(p.evidence), p.createdAt],
        );
        return sequence;
      });
    },

    async setStatus(draftId, id, status, from, by, at) {
      const result = await pool.query('UPDATE proposals SET status = $1, decided_by = $2, decided_at = $3 WHERE draft_id = $4 AND id = $5 AND status = ANY($6::text[])', [
        status,
        by,
        at,
        draftId,
        id,
        [...from],
      ]);
      return (result.rowCount ?? 0) > 0;
    },

    async setStance(proposalId, delegationId, stance, userId, at) {
      await pool.query(
        `INSERT INTO proposal_stances (proposal_id, delegation_id, stance, user_id, at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (proposal_id, delegation_id) DO UPDATE SET stance = excluded.stance, user_id = excluded.user_id, at = excluded.at`,
        [proposalId, delegationId, stance, userId, at],
      );
    },

    async paragraphStatuses(draftId) {
      const { rows } = await pool.query<{ paragraph_id: string; status: ParagraphStatus }>('SELECT paragraph_id, status FROM paragraph_statuses WHERE draft_id = $1', [draftId]);
      return new Map(rows.map((r) => [r.paragraph_id, r.status]));
    },

    async setParagraphStatus(draftId, paragraphId, status, by, at) {
      await pool.query(
        `INSERT INTO paragraph_statuses (draft_id, paragraph_id, status, set_by, set_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (draft_id, paragraph_id) DO UPDATE SET status = excluded.status, set_by = excluded.set_by, set_at = excluded.set_at`,
        [draftId, paragraphId, status, by, at],
      );
    },
  };
}
