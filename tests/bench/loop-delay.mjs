// Preloaded into the server by the load bench (node --import): measures how
// long the server's main thread kept requests waiting (event-loop delay) and
// prints it as it exits, so the bench can tell server stalls from its own.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const h = monitorEventLoopDelay({ resolution: 10 });
h.enable();
const ms = (ns) => Math.round(ns / 1e6);
// The bench resets it when the load starts (SIGUSR2), so start-up is not counted.
process.on('SIGUSR2', () => h.reset());
process.on('exit', () => {
  console.log(`[loop-delay] server main thread event-loop delay: p50 ${ms(h.percentile(50))} ms, p99 ${ms(h.percentile(99))} ms, max ${ms(h.max)} ms`);
});
