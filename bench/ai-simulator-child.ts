/**
 * An AI-vendor simulator (OpenAI or Anthropic) in its own process, forked by ai-remote.ts, so the
 * scanner's process holds only the scanner and the vendor's CPU is not on its event loop. The
 * vendor and its options come in BENCH_AI_SIM (JSON); requests arrive over IPC and are answered
 * with the same id.
 */
import { findAnthropicViolations, startAnthropicSimulator } from '../sandbox/anthropic/index.ts';
import { findOpenAIViolations, startOpenAISimulator } from '../sandbox/openai/index.ts';
import type { AiChildRequest, AiSimulatorSpec, AiTarget } from './ai-remote.ts';

const spec = JSON.parse(process.env.BENCH_AI_SIM ?? '{}') as AiSimulatorSpec;
const send = (message: unknown) => process.send?.(message);

interface Running {
  target: AiTarget;
  requests: { byEndpoint(): Record<string, { count: number; byStatus: Record<string, number> }> };
  oracle(): string[];
  sizes(): Record<string, number>;
  close(): Promise<void>;
}

async function start(): Promise<Running> {
  if (spec.vendor === 'anthropic') {
    const sim = await startAnthropicSimulator({ seed: spec.seed, size: spec.size });
    return {
      target: { baseUrl: sim.baseUrl, adminKey: sim.adminKey },
      requests: sim.requests,
      oracle: () => findAnthropicViolations(sim).map((v) => `${v.ruleId} ${v.assetKey}`),
      sizes: () => ({
        workspaces: sim.org.workspaces.length,
        apiKeys: sim.org.apiKeys.length,
        users: sim.org.users.length,
        invites: sim.org.invites.length,
      }),
      close: () => sim.close(),
    };
  }
  const sim = await startOpenAISimulator({ seed: spec.seed, size: spec.size });
  return {
    target: { baseUrl: sim.baseURL, adminKey: sim.adminKey },
    requests: sim.requests,
    // No project keys in the benchmark: the project-key rules are not evaluated, so not expected.
    oracle: () =>
      findOpenAIViolations(sim.org, new Date(), { projectKeyProjects: [] }).map(
        (v) => `${v.ruleId} ${v.assetKey}`,
      ),
    sizes: () => ({
      projects: sim.org.projects.length,
      projectKeys: sim.org.projects.reduce((n, p) => n + p.apiKeys.length, 0),
      adminKeys: sim.org.adminKeys.length,
      users: sim.org.users.length,
      invites: sim.org.invites.length,
    }),
    close: () => sim.close(),
  };
}

const started = performance.now();
const running = await start();

process.on('message', async (request: AiChildRequest) => {
  try {
    switch (request.type) {
      case 'stats':
        send({
          id: request.id,
          value: { byEndpoint: running.requests.byEndpoint(), cpu: process.cpuUsage() },
        });
        break;
      case 'oracle':
        send({ id: request.id, value: running.oracle() });
        break;
      case 'sizes':
        send({ id: request.id, value: running.sizes() });
        break;
      case 'close':
        await running.close();
        send({ id: request.id, value: null });
        process.disconnect?.();
        break;
    }
  } catch (error) {
    send({ id: request.id, error: String((error as Error).stack ?? error) });
  }
});

send({ ready: { ...running.target, startMs: performance.now() - started } });
