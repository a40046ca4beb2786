// Preloaded into the server by the load bench (node --import): measures how
// long the server's main thread kept requests waiting (event-loop delay) and
// prints it as it exits, with the moments it waited longest, so the bench can
// tell server stalls from its own and from the machine's. Worker threads
// inherit the preload: they measure nothing.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const ms = (ns) => Math.round(ns / 1e6);
  /** Waits of more than 100 ms: when they ended (wall clock) and how long. */
  const stalls = [];
  const TICK_MS = 20;
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    const late = now - last - TICK_MS;
    if (late > 100) stalls.push(`${new Date().toISOString().slice(11, 23)} ${Math.round(late)} ms`);
    last = now;
  }, TICK_MS).unref();
  /** The main thread's busy share (event-loop utilisation) since the load started. */
  let busySince = performance.eventLoopUtilization();
  // The bench resets it when the load starts (SIGUSR2), so start-up is not counted.
  process.on('SIGUSR2', () => {
    h.reset();
    stalls.length = 0;
    busySince = performance.eventLoopUtilization();
  });
  process.on('exit', () => {
    const busy = Math.round(performance.eventLoopUtilization(busySince).utilization * 100);
    console.log(`[loop-delay] server main thread event-loop delay: p50 ${ms(h.percentile(50))} ms, p99 ${ms(h.percentile(99))} ms, max ${ms(h.max)} ms; busy ${busy} % of the time`);
    console.log(`[loop-delay] waits over 100 ms (ended at, UTC): ${stalls.length ? stalls.slice(0, 20).join(', ') : 'none'}`);
  });
}
