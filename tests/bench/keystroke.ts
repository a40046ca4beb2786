// Measures, in real headless Chromium, the time from a keystroke in the editor
// to the precedents on screen, against a running server whose index is warm:
// `PRECEDENT_ADMIN_EMAIL=… PRECEDENT_ADMIN_PASSWORD=… npm start` in one terminal, then
// `PRECEDENT_ADMIN_EMAIL=… PRECEDENT_ADMIN_PASSWORD=… npx tsx tests/bench/keystroke.ts [url]`
// (any user's e-mail and password). Types at a drafter's pace (120 ms a key).
// Reads the performance measures the editor records (web/lib/useSuggestions.ts).
import { chromium } from 'playwright-core';

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
const totals: number[] = [];
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
  const timings = (await page.evaluate(() => (window as unknown as { __precedentTimings?: { total: number; request: number; server: number }[] }).__precedentTimings ?? [])) as {
    total: number;
    request: number;
    server: number;
  }[];
  for (const t of timings) totals.push(t.total);
  console.log(`${language}: ${timings.length} suggestion rounds; keystroke→shown ms (request, server): ${timings.map((t) => `${t.total.toFixed(0)} (${t.request.toFixed(0)}, ${t.server.toFixed(0)})`).join(', ')}`);
  await page.close();
  await context.request.delete(`/api/drafts/${id}`);
}
await browser.close();
totals.sort((a, b) => a - b);
const q = (p: number) => totals[Math.min(totals.length - 1, Math.floor(p * totals.length))]?.toFixed(0);
console.log(`all: n=${totals.length} p50 ${q(0.5)} ms, p95 ${q(0.95)} ms (includes the debounce, web/lib/useSuggestions.ts)`);
