// Negotiating a draft through the real Hono app over a copy of the bundled
// corpus, as three delegations and a reader: Norway holds the pen (owns the
// draft), Mexico and Chile may propose, Peru may only read. Proposals of each
// kind, support, the pen-holder's decisions (an accepted amendment changes the
// text as a new version naming Mexico), withdrawal, bis/ter numbering,
// paragraph statuses and their counts, agreed-language evidence from the
// corpus, and the compilation text as Word delivers it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as contract from '../../server/api/contract.js';
import type { Db } from '../../server/store/db.js';
import { searchingApp, signIn, type Client } from '../helpers/api.js';
import { expectContract } from '../helpers/contract.js';
import { readXml } from '../helpers/docx-xml.js';
import { ROOT } from '../helpers/paths.js';

const ARTIFACTS = join(ROOT, 'test-artifacts/exchange');

let db: Db;
let close: () => Promise<void>;
let norway: Client;
let mexico: Client;
let chile: Client;
let peru: Client;
let draftId = '';
/** A paragraph of A/RES/78/229 as adopted: agreed language. */
let adopted = '';

const PARAGRAPHS = [
  { id: 'pp1', section: 'preamble', text: 'Recalling its previous resolutions on the question,' },
  { id: 'op1', section: 'operative', text: 'Urges Member States to strengthen international cooperation;' },
  { id: 'op2', section: 'operative', text: 'Requests the Secretary-General to submit a report on the implementation of the present resolution;' },
  { id: 'op3', section: 'operative', text: 'Decides to remain seized of the matter.' },
];

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function propose(client: Client, body: unknown): Promise<{ status: number; proposal: contract.Proposal & { error?: string } }> {
  const res = await client.request(`/api/drafts/${draftId}/proposals`, json('POST', body));
  return { status: res.status, proposal: (await res.json()) as contract.Proposal & { error?: string } };
}

async function act(client: Client, proposalId: string, action: string): Promise<{ status: number; body: contract.ProposalActionResponse & { error?: string } }> {
  const res = await client.request(`/api/drafts/${draftId}/proposals/${proposalId}/${action}`, { method: 'POST' });
  return { status: res.status, body: (await res.json()) as contract.ProposalActionResponse & { error?: string } };
}

async function negotiation(client: Client = norway): Promise<contract.ProposalsResponse> {
  const res = await client.request(`/api/drafts/${draftId}/proposals`);
  expect(res.status).toBe(200);
  return expectContract(contract.ProposalsResponse, await res.json(), 'GET proposals');
}

async function draft(): Promise<contract.Draft> {
  return (await (await norway.request(`/api/drafts/${draftId}`)).json()) as contract.Draft;
}

beforeAll(async () => {
  // The real search worker over the copy's index, ready before the first proposal asks it for evidence.
  const corpus = await searchingApp({ delegation: 'Norway' });
  ({ db, close } = corpus);
  const owner = corpus.client;
  norway = owner;
  mexico = await signIn(owner.app, db, 'Mexico', { name: 'Marta Mexico' });
  chile = await signIn(owner.app, db, 'Chile');
  peru = await signIn(owner.app, db, 'Peru');
  const created = await norway.request('/api/drafts', json('POST', { language: 'en', title: 'Negotiated text', paragraphs: PARAGRAPHS }));
  draftId = ((await created.json()) as contract.Draft).id;
  for (const [delegation, access] of [['Mexico', 'propose'], ['Chile', 'propose'], ['Peru', 'read']] as const) {
    expect((await norway.request(`/api/drafts/${draftId}/shares`, json('POST', { delegation, access }))).status).toBe(201);
  }
  const doc = (await (await norway.request('/api/documents/a-res-78-229-en')).json()) as contract.DocumentResponse;
  adopted = doc.paragraphs.filter((p) => p.section === 'operative' && p.text.length > 150)[0].text;
}, 300_000);
afterAll(() => close());

describe('the propose access level', () => {
  it('is shared like read and edit, and lets a delegation see the draft but not change its text', async () => {
    const shares = (await (await norway.request(`/api/drafts/${draftId}/shares`)).json()) as contract.SharesResponse;
    expect(shares.shares.find((s) => s.with.name === 'Mexico')?.access).toBe('propose');
    expect(((await (await mexico.request(`/api/drafts/${draftId}`)).json()) as contract.Draft).access).toBe('propose');
    const put = await mexico.request(`/api/drafts/${draftId}`, json('PUT', { version: 1, title: 'Mexico rewrites it' }));
    expect(put.status).toBe(403);
    expect(((await put.json()) as contract.ErrorBody).error).toMatch(/propose changes/);
  });
});

describe('proposals', () => {
  let amendment: contract.Proposal;

  it('Mexico amends OP 1: the answer states the proposal, with the difference from the current text', async () => {
    const { status, proposal } = await propose(mexico, { kind: 'amend', paragraphId: 'op1', text: 'Urges Member States to strengthen and expand international cooperation;', note: 'cooperation must grow' });
    expect(status).toBe(201);
    amendment = expectContract(contract.Proposal, proposal, 'POST proposal');
    expect(amendment).toMatchObject({ kind: 'amend', label: 'OP 1', delegation: 'Mexico', author: { name: 'Marta Mexico', delegation: 'Mexico' }, status: 'open', supporters: [] });
    expect(amendment.changes.filter((c) => c.type === 'insert').map((c) => c.text.trim())).toEqual(['and expand']);
  });

  it('two paragraphs added after OP 2 are OP 2 bis and OP 2 ter; a deletion and an alternative name their paragraph', async () => {
    const bis = await propose(mexico, { kind: 'add', after: 'op2', text: 'Encourages Member States to share good practices;' });
    const ter = await propose(chile, { kind: 'add', after: 'op2', text: 'Invites donors to provide voluntary contributions;' });
    expect([bis.status, ter.status]).toEqual([201, 201]);
    expect([bis.proposal.label, ter.proposal.label]).toEqual(['OP 2 bis', 'OP 2 ter']);
    expect(bis.proposal).toMatchObject({ after: 'op2', paragraphId: null, section: 'operative' });
    const del = await propose(mexico, { kind: 'delete', paragraphId: 'op3' });
    expect(del).toMatchObject({ status: 201, proposal: { kind: 'delete', label: 'OP 3', text: null, precedents: [] } });
    const alt = await propose(chile, { kind: 'alt', paragraphId: 'op3', text: 'Decides to continue its consideration of the question at its next session.' });
    expect(alt).toMatchObject({ status: 201, proposal: { kind: 'alt', label: 'OP 3 alt' } });
    const listed = await negotiation(peru);
    expect(listed.proposals.map((p) => p.label)).toEqual(['OP 1', 'OP 2 bis', 'OP 2 ter', 'OP 3', 'OP 3 alt']);
  });

  it('refuses a proposal that names no paragraph, or one the draft lacks, or an amendment that changes nothing', async () => {
    expect((await propose(mexico, { kind: 'amend', text: 'Anything' })).status).toBe(400);
    const unknown = await propose(mexico, { kind: 'delete', paragraphId: 'op99' });
    expect(unknown.status).toBe(400);
    expect(unknown.proposal.error).toContain('op99');
    expect((await propose(mexico, { kind: 'amend', paragraphId: 'op3', text: PARAGRAPHS[3].text })).status).toBe(400);
    expect((await propose(mexico, { kind: 'add', text: 'Somewhere' })).status).toBe(400);
  });

  it('Chile supports the amendment and its name joins it; Mexico cannot support its own; Peru, a reader, cannot support', async () => {
    const supported = await act(chile, amendment.id, 'support');
    expect(supported.status).toBe(200);
    expectContract(contract.ProposalActionResponse, supported.body, 'support');
    expect(supported.body.proposal.supporters).toEqual(['Chile']);
    expect((await act(mexico, amendment.id, 'support')).status).toBe(400);
    expect((await act(peru, amendment.id, 'support')).status).toBe(403);
    expect((await negotiation()).proposals.find((p) => p.id === amendment.id)?.supporters).toEqual(['Chile']);
  });

  it('only the pen-holder accepts: the text changes, the version bumps, and the history names Mexico', async () => {
    const before = await draft();
    expect((await act(mexico, amendment.id, 'accept')).status).toBe(403);
    expect((await act(chile, amendment.id, 'accept')).status).toBe(403);
    const accepted = await act(norway, amendment.id, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body.proposal.status).toBe('accepted');
    const after = await draft();
    expect(after.version).toBe(before.version + 1);
    expect(after.paragraphs.find((p) => p.id === 'op1')?.text).toBe('Urges Member States to strengthen and expand international cooperation;');
    const versions = (await (await mexico.request(`/api/drafts/${draftId}/versions`)).json()) as contract.VersionsResponse;
    expectContract(contract.VersionsResponse, versions, 'versions');
    expect(versions.versions[0]).toMatchObject({ version: after.version, savedBy: { delegation: 'Norway' } });
    expect(versions.versions[0].note).toMatch(/proposal of Mexico/);
    // Decided once: a second decision is refused.
    expect((await act(norway, amendment.id, 'accept')).status).toBe(409);
    expect((await act(norway, amendment.id, 'reject')).status).toBe(409);
  });

  it('the pen-holder rejects the alternative; only the proposer withdraws', async () => {
    const listed = await negotiation();
    const alt = listed.proposals.find((p) => p.kind === 'alt')!;
    const ter = listed.proposals.find((p) => p.label === 'OP 2 ter')!;
    expect((await act(norway, alt.id, 'reject')).body.proposal.status).toBe('rejected');
    expect((await act(mexico, ter.id, 'withdraw')).status).toBe(403);
    expect((await act(norway, ter.id, 'withdraw')).status).toBe(403);
    expect((await act(chile, ter.id, 'withdraw')).body.proposal.status).toBe('withdrawn');
    // The numbers stay until the text is renumbered: a new addition after OP 2 is quater.
    const quater = await propose(chile, { kind: 'add', after: 'op2', text: 'Calls for the full implementation of the present resolution;' });
    expect(quater.proposal.label).toBe('OP 2 quater');
    expect((await act(chile, quater.proposal.id, 'withdraw')).status).toBe(200);
  });
});

describe('paragraph statuses', () => {
  it('the pen-holder sets them; the counts follow; nobody else may; an agreed paragraph takes no proposals', async () => {
    const set = async (client: Client, paragraphId: string, status: string) => client.request(`/api/drafts/${draftId}/paragraphs/${paragraphId}/status`, json('PUT', { status }));
    const res = await set(norway, 'op1', 'agreed');
    expect(res.status).toBe(200);
    expectContract(contract.ParagraphStatusResponse, await res.json(), 'PUT status');
    expect((await set(norway, 'pp1', 'agreed-ad-ref')).status).toBe(200);
    expect((await set(mexico, 'op2', 'agreed')).status).toBe(403);
    expect((await set(norway, 'nowhere', 'agreed')).status).toBe(404);
    expect((await set(norway, 'op2', 'settled')).status).toBe(400);
    const { counts, statuses } = await negotiation(peru);
    expect(counts).toEqual({ open: 2, 'agreed-ad-ref': 1, agreed: 1 });
    expect(statuses).toEqual({ op1: 'agreed', pp1: 'agreed-ad-ref' });
    expect((await propose(mexico, { kind: 'delete', paragraphId: 'op1' })).status).toBe(409);
  });
});

describe('agreed-language evidence', () => {
  it('a proposal copying an adopted paragraph cites it, with a similarity near 1 and no new language', async () => {
    const { status, proposal } = await propose(chile, { kind: 'add', after: 'op3', text: adopted });
    expect(status).toBe(201);
    expect(proposal.precedents.length).toBeGreaterThan(0);
    expect(proposal.precedents[0].citation).toMatch(/^A\/RES\/\d+\/\d+, OP \d+$/);
    expect(proposal.precedents[0].similarity).toBeGreaterThan(0.95);
    expect(proposal.agreedShare).toBeGreaterThan(0.95);
    expect(proposal.newLanguage).toEqual([]);
    expect((await act(chile, proposal.id, 'withdraw')).status).toBe(200);
  });

  it('words no adopted text has are marked as new language', async () => {
    const text = `${adopted.replace(/[;.]$/, '')}, including through the zorblatt quintessence mechanism;`;
    const { proposal } = await propose(chile, { kind: 'add', after: 'op3', text });
    const fresh = proposal.newLanguage.map(([from, to]) => text.slice(from, to)).join(' ');
    expect(fresh).toContain('zorblatt quintessence');
    expect(proposal.agreedShare).toBeLessThan(1);
    expect(proposal.agreedShare).toBeGreaterThan(0.5);
    expect((await act(chile, proposal.id, 'withdraw')).status).toBe(200);
  });

  it('the draft as a whole: its share of agreed language, paragraph by paragraph', async () => {
    const res = await peru.request(`/api/drafts/${draftId}/agreed-language`);
    expect(res.status).toBe(200);
    const body = expectContract(contract.AgreedLanguageResponse, await res.json(), 'agreed-language');
    expect(body.paragraphs.map((p) => p.paragraphId)).toEqual((await draft()).paragraphs.map((p) => p.id));
    expect(body.agreedShare).toBeGreaterThan(0);
    expect(body.agreedShare).toBeLessThanOrEqual(1);
  });
});

describe('the compilation text (.docx)', () => {
  it('puts every pending proposal in place, with who made and supports it in square brackets', async () => {
    // Pending now: OP 2 bis (Mexico). Add an amendment to OP 2 and a supported deletion of OP 3.
    const amend = await propose(chile, { kind: 'amend', paragraphId: 'op2', text: 'Requests the Secretary-General to submit an annual report on the implementation of the present resolution;' });
    const deletion = (await negotiation()).proposals.find((p) => p.kind === 'delete' && p.status === 'open')!;
    expect((await act(chile, deletion.id, 'support')).status).toBe(200);
    const bis = (await negotiation()).proposals.find((p) => p.label === 'OP 2 bis')!;
    expect((await act(norway, bis.id, 'bracket')).body.proposal.status).toBe('bracketed');
    expect(amend.status).toBe(201);

    const res = await peru.request(`/api/drafts/${draftId}/export.docx?compilation=1`);
    expect(res.status).toBe(200);
    const buffer = Buffer.from(await res.arrayBuffer());
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'compilation-text.docx'), buffer);
    const { documentXml, paragraphs } = await readXml(buffer);
    const lines = paragraphs.map((p) => p.segments.map((s) => s.text).join(''));
    const line = (start: string) => lines.find((l) => l.startsWith(start)) ?? '';
    expect(line('OP 1')).toMatch(/^OP 1 \(agreed\)\tUrges Member States to strengthen and expand/);
    expect(line('PP 1')).toMatch(/^PP 1 \(agreed ad ref\)/);
    expect(line('OP 2\t')).toContain('[Chile]');
    expect(line('OP 2 bis')).toBe('OP 2 bis\t[Encourages Member States to share good practices;] [Mexico]');
    expect(line('OP 3')).toContain('Decides to remain seized of the matter. [Mexico, supported by Chile: delete]');
    // Proposed words bold and underlined, proposed deletions struck through: formatting, not tracked changes.
    const run = (text: string) => documentXml.match(new RegExp(`<w:r>(?:(?!</w:r>).)*${text}(?:(?!</w:r>).)*</w:r>`))?.[0] ?? '';
    expect(run('annual')).toMatch(/<w:b\/>/);
    expect(run('annual')).toMatch(/<w:u w:val="single"\/>/);
    expect(run('>a<')).toMatch(/<w:strike\/>/);
    expect(documentXml).not.toMatch(/<w:(ins|del) /);
    // Order: the addition after the paragraph it follows.
    expect(lines.findIndex((l) => l.startsWith('OP 2 bis'))).toBe(lines.findIndex((l) => l.startsWith('OP 2\t')) + 1);
  });

  it('the clean text stays the default export', async () => {
    const res = await peru.request(`/api/drafts/${draftId}/export.docx?plain=1`);
    const { documentXml } = await readXml(Buffer.from(await res.arrayBuffer()));
    expect(documentXml).not.toContain('[Mexico');
    expect(documentXml).not.toContain('OP 2 bis');
  });
});
