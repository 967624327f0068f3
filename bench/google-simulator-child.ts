/**
 * A Google Workspace simulator in its own process (forked by google-remote.ts), so the scanner's
 * process holds only the scanner: its RSS is the scanner's alone and the vendor's CPU is not on
 * its event loop. Options come in BENCH_GOOGLE_SIM (JSON); requests arrive over IPC and are
 * answered with the same id. Everything that needs the tenant (request counts, the page-size
 * floor, mutations, the oracle, access tokens for the bare baseline) runs here.
 */
import {
  findGoogleSettingViolations,
  findGoogleViolations,
  type GoogleSimulatorOptions,
  startGoogleSimulator,
} from '../sandbox/index.ts';
import { pageSizeFloor } from './google-floor.ts';
import { type MutationMode, mutateFiles } from './google-mutations.ts';

export type GoogleChildRequest =
  | { id: number; type: 'stats' | 'floor' | 'oracle' | 'sizes' | 'close' }
  | { id: number; type: 'mutate'; mode: MutationMode; count: number; seed: number }
  | { id: number; type: 'issue'; adminScopeSets: string[][]; userScopes: string[] };

const options = JSON.parse(process.env.BENCH_GOOGLE_SIM ?? '{}') as GoogleSimulatorOptions;
const started = performance.now();
const sim = await startGoogleSimulator(options);
const send = (message: unknown) => process.send?.(message);

function answer(request: GoogleChildRequest): unknown {
  switch (request.type) {
    case 'stats':
      return { total: sim.requests.total(), byEndpoint: sim.requests.byEndpoint(), cpu: process.cpuUsage() };
    case 'floor':
      return pageSizeFloor(sim.tenant);
    case 'sizes': {
      const { tenant } = sim;
      let grants = 0;
      for (const list of tenant.grants.values()) grants += list.length;
      let files = 0;
      for (let i = 0; i < tenant.files.size; i += 1) if (tenant.files.get(i)) files += 1;
      return {
        users: tenant.users.length,
        activeUsers: tenant.users.filter((u) => !u.suspended).length,
        oauthTokens: grants,
        files,
        sharedDrives: tenant.drives.length,
        policies: tenant.policies.length,
        changes: tenant.changes.length,
      };
    }
    case 'oracle': {
      // No DLP queue in the benchmark: files are stored uninspected, so no DLP findings.
      const expected = [
        ...findGoogleViolations(sim.tenant, new Date(), { dlp: () => false }),
        ...findGoogleSettingViolations(sim.tenant),
      ];
      return expected.map((v) => `${v.ruleId} ${v.assetKey}`);
    }
    case 'mutate':
      return mutateFiles(sim, request.mode, request.count, request.seed);
    case 'issue': {
      // Access tokens straight from the simulator's auth state (no JWT round trip): the admin
      // with each scope set, every active user with the Drive scopes. Keyed `subject scopes`.
      const issued: Record<string, string> = {};
      const grant = (email: string, scopes: string[]) => {
        const user = sim.tenant.users.find((u) => u.primaryEmail === email);
        if (!user) throw new Error(`no user ${email}`);
        const clientId = sim.serviceAccount.client_id;
        issued[`${email} ${scopes.join(' ')}`] = sim.auth.issue({
          subject: user,
          scopes: new Set(scopes),
          clientId,
        }).token;
      };
      for (const scopes of request.adminScopeSets) grant(sim.adminEmail, scopes);
      for (const user of sim.tenant.users) if (!user.suspended) grant(user.primaryEmail, request.userScopes);
      return issued;
    }
    case 'close':
      return null;
  }
}

process.on('message', async (request: GoogleChildRequest) => {
  try {
    send({ id: request.id, value: answer(request) });
  } catch (error) {
    send({ id: request.id, error: String((error as Error).stack ?? error) });
  }
  if (request.type === 'close') {
    await sim.close();
    process.disconnect?.();
  }
});

send({
  ready: {
    origin: sim.origin,
    tokenUrl: sim.tokenUrl,
    adminEmail: sim.adminEmail,
    customerId: sim.customerId,
    serviceAccount: sim.serviceAccount,
    startMs: performance.now() - started,
  },
});
