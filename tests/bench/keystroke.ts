// Measures, in real headless Chromium, the time from a keystroke in the editor
// to the precedents on screen, against a running server whose index is warm:
// `npm start` in one terminal, then `npx tsx tests/bench/keystroke.ts [url]`.
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
const totals: number[] = [];
for (const [language, texts] of Object.entries(TEXTS)) {
  const res = await fetch(`${base}/api/drafts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: `keystroke bench ${language}`, language }) });
  const { id } = (await res.json()) as { id: string };
  const page = await browser.newPage();
  await page.goto(`${base}/drafts/${id}`);
  for (const text of texts) {
    await page.click('text=+ Add operative paragraph');
    await page.keyboard.type(text, { delay: 20 });
    await page.waitForTimeout(1500);
  }
  const timings = (await page.evaluate(() => (window as unknown as { __precedentTimings?: { total: number; server: number }[] }).__precedentTimings ?? [])) as { total: number; server: number }[];
  for (const t of timings) totals.push(t.total);
  console.log(`${language}: ${timings.length} suggestion rounds; keystroke→shown ms: ${timings.map((t) => t.total.toFixed(0)).join(', ')}`);
  await page.close();
  await fetch(`${base}/api/drafts/${id}`, { method: 'DELETE' });
}
await browser.close();
totals.sort((a, b) => a - b);
const q = (p: number) => totals[Math.min(totals.length - 1, Math.floor(p * totals.length))]?.toFixed(0);
console.log(`all: n=${totals.length} p50 ${q(0.5)} ms, p95 ${q(0.95)} ms (includes the 180 ms debounce)`);
