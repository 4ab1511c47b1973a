import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** autocannon against one URL: 50 connections for 10 s unless told otherwise. */
export async function load(
  url: string,
  headers: Record<string, string>,
  connections: number,
  duration: number,
): Promise<LoadResult> {
  const result = await autocannon({ url, headers, connections, duration });
  // No response within the run: every latency is longer than the run itself.
  const none = result.requests.total === 0;
  return {
    requestsPerSecond: result.requests.average,
    p50: none ? duration * 1000 : result.latency.p50,
    p99: none ? duration * 1000 : result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** One GET read to its end (an export download), in seconds; fails unless 200. */
export async function download(url: string, headers: Record<string, string>) {
  const start = performance.now();
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
  }
  return { seconds: (performance.now() - start) / 1000, bytes };
}
