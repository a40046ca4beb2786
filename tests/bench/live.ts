// Live editing, measured (`npm run bench:live`; not a test): a 200-paragraph
// draft edited 1,000 times by one co-editor while another watches, over the
// real server's socket on loopback. Reports the change-to-other-screen latency
// (Yjs update applied in the other client), the live document's size (in
// memory, in the database before and after compaction, against the draft's
// JSON), and how long the live text takes to load on the server and to sync
// into a newly connected client.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { applyDraftChange, readDraft, type LiveContent } from '../../core/live-doc.js';
import type { DraftParagraph } from '../../core/model.js';
import { openDb } from '../../server/store/db.js';
import { liveSize, readLive } from '../../server/store/sqlite/live.js';
import { signIn, signedInApp } from '../helpers/api.js';
import { coEditor, serveLive, until } from '../helpers/live.js';

const PARAGRAPHS = 200;
const EDITS = 1000;
const WORDS =
  'Reaffirming the commitment of Member States to strengthen international cooperation in preventing and combating transnational organized crime corruption and terrorism in accordance with international law and the Charter of the United Nations'.split(
    ' ',
  );

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

function paragraphs(): DraftParagraph[] {
  return Array.from({ length: PARAGRAPHS }, (_, i) => ({
    id: `p${i}`,
    section: i < 40 ? 'preamble' : 'operative',
    text: `${sentence(40 + Math.floor(random() * 40))};`,
  }));
}

/** One drafter's edit: mostly typing a word, some deleting, a few paragraphs added or moved. */
function anEdit(d: LiveContent, n: number): LiveContent {
  const list = [...d.paragraphs];
  const i = Math.floor(random() * list.length);
  const p = list[i];
  const r = random();
  if (r < 0.7) {
    const at = Math.floor(random() * p.text.length);
    list[i] = { ...p, text: `${p.text.slice(0, at)} ${pick(WORDS)}${p.text.slice(at)}` };
  } else if (r < 0.9) {
    const at = Math.floor(random() * Math.max(1, p.text.length - 10));
    list[i] = { ...p, text: p.text.slice(0, at) + p.text.slice(at + 1 + Math.floor(random() * 10)) };
  } else if (r < 0.95) {
    list.splice(i + 1, 0, { id: `n${n}`, section: p.section, text: `${sentence(20)};` });
  } else {
    const [moved] = list.splice(i, 1);
    const to = list.findIndex((x) => x.section === moved.section);
    list.splice(Math.max(0, to), 0, moved);
  }
  return { ...d, paragraphs: list };
}

const percentile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'precedent-bench-live-'));
  const db = openDb(join(dir, 'bench.db'));
  const owner = await signedInApp(db, { delegation: 'Mexico' });
  const other = await signIn(owner.app, db, 'Norway');
  const server = await serveLive(owner.app, owner.ctx);
  const created = await owner.request('/api/drafts', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Bench', language: 'en', paragraphs: paragraphs() }),
  });
  const draft = (await created.json()) as { id: string; paragraphs: DraftParagraph[] };
  await owner.request(`/api/drafts/${draft.id}/shares`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ delegation: 'Norway', access: 'edit' }) });
  const jsonBytes = Buffer.byteLength(JSON.stringify(draft.paragraphs));

  const a = coEditor(server, draft.id, owner.cookie);
  const b = coEditor(server, draft.id, other.cookie);
  await Promise.all([a.synced, b.synced]);

  const latencies: number[] = [];
  for (let n = 0; n < EDITS; n++) {
    let seen = -1;
    const onUpdate = () => (seen = performance.now());
    b.doc.once('update', onUpdate);
    const before = readDraft(a.doc);
    const sent = performance.now();
    applyDraftChange(a.doc, before, anEdit(before, n), 'bench');
    // Every tenth edit is timed to the other client; the rest go on at typing pace.
    if (n % 10 === 0) {
      await until(() => seen > 0, 5000, 'the edit in the other client');
      latencies.push(seen - sent);
    } else {
      b.doc.off('update', onUpdate);
      await new Promise((r) => setTimeout(r, 2));
    }
  }
  await Promise.all([a.acknowledged(), b.acknowledged()]);
  await until(() => JSON.stringify(readDraft(a.doc)) === JSON.stringify(readDraft(b.doc)), 10_000, 'both clients alike');

  const beforeCompaction = liveSize(db, draft.id);
  const memoryBytes = Y.encodeStateAsUpdate(a.doc).byteLength;
  await owner.request(`/api/drafts/${draft.id}`); // settles: the row and a compacted state
  const afterCompaction = liveSize(db, draft.id);
  const finalJson = Buffer.byteLength(JSON.stringify(readDraft(a.doc).paragraphs));

  // Loading on the server: the stored state and updates into a document, then the draft read from it.
  const loads: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const doc = new Y.Doc();
    for (const u of readLive(db, draft.id)!.updates) Y.applyUpdate(doc, u);
    readDraft(doc);
    loads.push(performance.now() - t0);
    doc.destroy();
  }
  // A newly connected client: from opening the socket to the whole text.
  const syncs: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    const c = coEditor(server, draft.id, other.cookie);
    await c.synced;
    readDraft(c.doc);
    syncs.push(performance.now() - t0);
    c.close();
  }

  const report = [
    `Live editing bench (${new Date().toISOString().slice(0, 10)}, ${PARAGRAPHS} paragraphs, ${EDITS} edits: 70 % a word typed, 20 % a deletion, 5 % a paragraph added, 5 % moved)`,
    `change → other client: median ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms (${latencies.length} timed)`,
    `document: ${kb(memoryBytes)} as a Yjs update (draft JSON ${kb(jsonBytes)} at the start, ${kb(finalJson)} at the end)`,
    `stored before compaction: state ${kb(beforeCompaction.stateBytes)} + ${beforeCompaction.updates} updates ${kb(beforeCompaction.updateBytes)}; after: state ${kb(afterCompaction.stateBytes)} + ${afterCompaction.updates} updates`,
    `load on the server (state + updates → draft): median ${percentile(loads, 0.5).toFixed(1)} ms, max ${Math.max(...loads).toFixed(1)} ms`,
    `new client connect → synced: median ${percentile(syncs, 0.5).toFixed(1)} ms, max ${Math.max(...syncs).toFixed(1)} ms`,
  ];
  console.log(report.join('\n'));
  a.close();
  b.close();
  await server.close();
  await owner.ctx.search.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
