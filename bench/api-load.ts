/**
 * The load generator of `npm run bench -- api`, run in its own process so the server's event
 * loop is not shared with it. Reads { url, connections, durationSeconds, shapes } as JSON on
 * stdin; for each shape runs autocannon over its requests round-robin (each with its tenant's
 * token); writes one JSON line of { name, p50, p99, rps, requests, non2xx } per shape.
 */
// autocannon ships no types; the few fields used here are declared in bench/api-autocannon.d.ts.
import autocannon from 'autocannon';

export interface LoadShape {
  name: string;
  requests: Array<{ path: string; token: string }>;
}

export interface LoadPlan {
  url: string;
  connections: number;
  durationSeconds: number;
  shapes: LoadShape[];
}

export interface LoadResult {
  name: string;
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function runShape(plan: LoadPlan, shape: LoadShape): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: plan.url,
    connections: plan.connections,
    duration: plan.durationSeconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const pick = shape.requests[next++ % shape.requests.length]!;
          return { ...request, path: pick.path, headers: { authorization: `Bearer ${pick.token}` } };
        },
      },
    ],
  });
  return {
    name: shape.name,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

const plan = JSON.parse(await readStdin()) as LoadPlan;
for (const shape of plan.shapes) {
  process.stdout.write(`${JSON.stringify(await runShape(plan, shape))}\n`);
}
