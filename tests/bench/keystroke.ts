// Measures, in real headless Chromium, the time from a keystroke in the editor
// to the precedents on screen, against a running server whose index is warm:
// `PRECEDENT_ADMIN_EMAIL=… PRECEDENT_ADMIN_PASSWORD=… npm start` in one terminal, then
// `PRECEDENT_ADMIN_EMAIL=… PRECEDENT_ADMIN_PASSWORD=… npx tsx tests/bench/keystroke.ts [url]`
// (any user's e-mail and password). Types at a drafter's pace (120 ms a key).
// Reads the timings the editor records (web/lib/useSuggestions.ts) and prints
// p50/p95 of the whole and of its parts (the debounce is SUGGEST_DEBOUNCE_MS).
import { chromium } from 'playwright-core';
import type { Timing } from '../../web/lib/useSuggestions.js';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))]) : NaN;
};
/** p50 / p95 of the whole and of each part (they need not add up: p95s of parts come from different rounds). */
function summary(ts: Timing[]): string {
  const part = (name: string, f: (t: Timing) => number) => `${name} ${pct(ts.map(f), 0.5)} / ${pct(ts.map(f), 0.95)}`;
  return [
    `n=${ts.length}`,
    part('keystroke→painted p50/p95 ms', (t) => t.total),
    part('keystroke→debounce start', (t) => t.scheduled),
    part('request', (t) => t.request),
    part('server', (t) => t.server),
    part('answer→painted', (t) => t.painted),
  ].join('; ');
}

const base = process.argv[2] ?? 'http://localhost:8787';
const TEXTS: Record<string, string[]> = {
  zh: [
    '鼓励联合国系统各有关方案、基金和组织，特别是联合国开发计划署、各国际金融机构',
    '请联合国毒品和犯罪问题办公室继续向会员国提供技术援助',
    '敦促会员国加强国际合作，打击跨国有组织犯罪',
  ],
  en: [
    'Requests the United Nations Office on Drugs and Crime to continue to provide technical assistance to Member States',
    'Urges Member States to strengthen international cooperation to combat transnational organized crime',
    'Encourages Member States to consider ratifying or acceding to the United Nations Convention against Corruption',
  ],
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ baseURL: base });
const login = await context.request.post('/api/auth/login', { data: { email: process.env.PRECEDENT_ADMIN_EMAIL, password: process.env.PRECEDENT_ADMIN_PASSWORD } });
if (!login.ok()) throw new Error(`sign-in failed (${login.status()}): set PRECEDENT_ADMIN_EMAIL and PRECEDENT_ADMIN_PASSWORD to a user's`);
const all: Timing[] = [];
for (const [language, texts] of Object.entries(TEXTS)) {
  const { id } = (await (await context.request.post('/api/drafts', { data: { title: `keystroke bench ${language}`, language } })).json()) as { id: string };
  const page = await context.newPage();
  await page.goto(`/drafts/${id}`);
  await page.waitForSelector('.save-badge[data-state="saved"]');
  for (const text of texts) {
    await page.click('text=+ Add operative paragraph');
    // A drafter pauses between phrases: each pause is a round to time.
    for (const phrase of text.split(/(?<=[，、,])/u)) {
      await page.keyboard.type(phrase, { delay: 120 });
      await page.waitForTimeout(1200);
    }
  }
  const timings = (await page.evaluate(() => (window as unknown as { __precedentTimings?: Timing[] }).__precedentTimings ?? [])) as Timing[];
  all.push(...timings);
  console.log(`${language}: ${timings.length} suggestion rounds; ${summary(timings)}`);
  await page.close();
  await context.request.delete(`/api/drafts/${id}`);
}
await browser.close();
console.log(`all: ${summary(all)}`);
