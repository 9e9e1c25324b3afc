import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Seconds from the start to the last 201 (a burst's time to sell out); absent when none came. */
  lastCreatedSeconds?: number;
}

type Options = autocannon.Options;

/**
 * Runs autocannon and keeps the figures the results file reports. The duration runs from the
 * start to the last response: autocannon notices the end of an `amount` run only on its
 * once-a-second tick, which would understate a burst of a few seconds by up to a second.
 */
export function load(options: Options): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let lastResponse = started;
    let lastCreated: number | null = null;
    const instance = autocannon({ ...options, workers: undefined } as Options, (error, result) => {
      if (error) return reject(error);
      const statusCodes: Record<string, number> = {};
      for (const [code, count] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = (count as { count: number }).count;
      const durationSeconds = Math.max((lastResponse - started) / 1000, 0.001);
      resolve({
        requests: result.requests.total,
        durationSeconds: Math.round(durationSeconds * 1000) / 1000,
        requestsPerSecond: Math.round(result.requests.total / durationSeconds),
        latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
        statusCodes,
        errors: result.errors,
        timeouts: result.timeouts,
        ...(lastCreated === null ? {} : { lastCreatedSeconds: Math.round(lastCreated - started) / 1000 }),
      });
    });
    instance.on('response', (_client, statusCode) => {
      lastResponse = performance.now();
      if (statusCode === 201) lastCreated = lastResponse;
    });
  });
}
