/** Measures a stage: wall time and peak resident memory, sampled while it runs. */
export async function meterStage<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; peakRssMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  timer.unref();
  const start = performance.now();
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, ms: Math.round(performance.now() - start), peakRssMb: Math.round(peak / 1048576) };
  } finally {
    clearInterval(timer);
  }
}
