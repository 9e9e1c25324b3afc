import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
}

type Options = autocannon.Options;

/** Runs autocannon and keeps the figures the results file reports. */
export async function load(options: Options): Promise<LoadResult> {
  const started = performance.now();
  const result = await autocannon({ ...options, workers: undefined } as Options);
  const elapsedSeconds = (performance.now() - started) / 1000;
  const statusCodes: Record<string, number> = {};
  for (const [code, count] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = (count as { count: number }).count;
  // autocannon reports whole seconds; a burst of a few seconds needs the real elapsed time.
  const durationSeconds = elapsedSeconds;
  return {
    requests: result.requests.total,
    durationSeconds: Math.round(durationSeconds * 100) / 100,
    requestsPerSecond: Math.round(result.requests.total / durationSeconds),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
