/**
 * Runs a GitHub simulator in a worker thread, so the benchmark's vendor does not share the
 * scanner's event loop (a real vendor runs elsewhere). Answers `stats` messages with its
 * request counters.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startGitHubSimulator } from '../sandbox/index.ts';

const sim = await startGitHubSimulator(workerData);
parentPort!.on('message', async (message: { id: number; type: 'stats' | 'close' }) => {
  if (message.type === 'close') {
    await sim.close();
    parentPort!.postMessage({ id: message.id });
    parentPort!.close();
    return;
  }
  parentPort!.postMessage({
    id: message.id,
    stats: {
      total: sim.requests.total(),
      notModified: sim.requests.notModified(),
      byEndpoint: sim.requests.byEndpoint(),
    },
  });
});
parentPort!.postMessage({ ready: { baseUrl: sim.baseUrl, org: sim.org, app: sim.app, token: sim.token } });
