/** The embedded queue: same processor, one scan per connection at a time, retries that resume. */
import { afterEach, describe, expect, it } from 'vitest';
import { listScans } from '../../db/scans.ts';
import { InProcessScanQueue } from '../../scanner/queue/in-process.ts';
import { requestScans } from '../../scanner/queue/request.ts';
import { type GitHubHarness, plantedKeys, startGitHubHarness } from '../support/github-harness.ts';

describe('in-process scan queue', () => {
  let h: GitHubHarness | undefined;
  afterEach(async () => h?.close());

  it('joins a scan already queued for the connection instead of starting another', async () => {
    h = await startGitHubHarness();
    const queue = new InProcessScanQueue(h.deps, { attempts: 1, backoffMs: 1 });
    const [a] = await requestScans(h.database.db, queue, h.tenantId);
    const [b] = await requestScans(h.database.db, queue, h.tenantId);
    expect(b!.id).toBe(a!.id);
    expect((await queue.waitFor(a!.id)).status).toBe('succeeded');
    await queue.close();
    expect(await listScans(h.database.db, h.tenantId)).toHaveLength(1);
  });

  it('retries after a retryable stream failure and finishes the same scan', async () => {
    h = await startGitHubHarness();
    const fault = h.sim.faults.add({
      path: '/orgs/{org}/installations',
      kind: 'server-error',
      status: 500,
      times: 4,
    });
    const queue = new InProcessScanQueue(h.deps, { attempts: 3, backoffMs: 5 });
    const [scan] = await requestScans(h.database.db, queue, h.tenantId);
    const outcome = await queue.waitFor(scan!.id);
    await queue.close();
    expect(outcome.status).toBe('succeeded');
    expect(fault.hits).toBe(4);
    const [row] = await listScans(h.database.db, h.tenantId);
    expect(row?.attempts).toBe(2);
    expect(await h.findingKeys()).toEqual(plantedKeys(h.sim.planted));
  });

  it('gives up as partial after the last attempt, keeping what it could not read', async () => {
    h = await startGitHubHarness();
    h.sim.faults.add({ path: '/orgs/{org}/installations', kind: 'server-error', status: 500 });
    const queue = new InProcessScanQueue(h.deps, { attempts: 2, backoffMs: 5 });
    const [scan] = await requestScans(h.database.db, queue, h.tenantId);
    expect((await queue.waitFor(scan!.id)).status).toBe('partial');
    await queue.close();
    const [row] = await listScans(h.database.db, h.tenantId);
    expect(row?.attempts).toBe(2);
    expect(row?.streams.installations?.status).toBe('failed');
    expect(row?.rules['github/app-installation-all-repos-write']?.status).toBe('not_evaluated');
  });
});
