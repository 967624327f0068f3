/**
 * A Microsoft 365 simulator in its own process (forked by microsoft-remote.ts), so the scanner's
 * process holds only the scanner: its RSS is the scanner's alone and Graph's CPU is not on its
 * event loop. Options come in BENCH_MICROSOFT_SIM (JSON); requests arrive over IPC and are
 * answered with the same id. Everything that needs the tenant (request counts, the call floors,
 * mutations, the oracle) runs here.
 */
import {
  findMicrosoftViolations,
  type MicrosoftSimulatorOptions,
  startMicrosoftSimulator,
} from '../sandbox/microsoft/index.ts';
import { fullScanFloor, markTenant, rescanFloor, type ScanMark } from './microsoft-floor.ts';
import { type MutationMode, mutateFiles } from './microsoft-mutations.ts';

export type MicrosoftChildRequest =
  | { id: number; type: 'stats' | 'sizes' | 'floor' | 'rescanFloor' | 'oracle' | 'mark' | 'close' }
  | { id: number; type: 'mutate'; mode: MutationMode; count: number; seed: number };

const options = JSON.parse(process.env.BENCH_MICROSOFT_SIM ?? '{}') as MicrosoftSimulatorOptions;
const started = performance.now();
const sim = await startMicrosoftSimulator(options);
const send = (message: unknown) => process.send?.(message);
let mark: ScanMark = markTenant(sim.tenant);

function answer(request: MicrosoftChildRequest): unknown {
  switch (request.type) {
    case 'stats':
      return {
        byEndpoint: sim.requests.byEndpoint(),
        batchSteps: sim.batchRequests.byEndpoint(),
        cpu: process.cpuUsage(),
      };
    case 'sizes': {
      const { tenant } = sim;
      let files = 0;
      let folders = 0;
      let oneDriveItems = 0;
      for (let i = 0; i < tenant.items.size; i += 1) {
        const item = tenant.items.get(i);
        if (!item) continue;
        if (item.folder) folders += 1;
        else files += 1;
        if (tenant.drives[item.drive]?.driveType === 'business') oneDriveItems += 1;
      }
      return {
        users: tenant.users.filter((u) => !u.deleted).length,
        guests: tenant.users.filter((u) => !u.deleted && u.userType === 'Guest').length,
        servicePrincipals: tenant.servicePrincipals.filter((s) => !s.deleted).length,
        applications: tenant.applications.length,
        delegatedGrants: tenant.grants.length,
        appRoleAssignments: tenant.assignments.length,
        sites: tenant.sites.length,
        teamSites: tenant.sites.filter((s) => !s.personal).length,
        oneDrives: tenant.drives.filter((d) => d.driveType === 'business').length,
        items: files + folders,
        files,
        folders,
        oneDriveItems,
        teamSiteItems: files + folders - oneDriveItems,
      };
    }
    case 'floor':
      return fullScanFloor(sim.tenant);
    case 'mark':
      mark = markTenant(sim.tenant);
      return null;
    case 'rescanFloor':
      return rescanFloor(sim.tenant, mark);
    case 'oracle':
      // No DLP queue in the benchmark: files are stored uninspected, so no DLP findings.
      return findMicrosoftViolations(sim.tenant, new Date(), { dlp: () => false })
        .filter((v) => !v.ruleId.startsWith('common/dlp-'))
        .map((v) => `${v.ruleId} ${v.assetKey}`);
    case 'mutate':
      return mutateFiles(sim, request.mode, request.count, request.seed);
    case 'close':
      return null;
  }
}

process.on('message', async (request: MicrosoftChildRequest) => {
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
    graphBaseUrl: sim.graphBaseUrl,
    authority: sim.authority,
    sharepointAdminUrl: sim.sharepointAdminUrl,
    tenantId: sim.tenantId,
    caPem: sim.caPem,
    scanner: {
      clientId: sim.scanner.clientId,
      clientSecret: sim.scanner.clientSecret,
      privateKeyPem: sim.scanner.certificate.privateKeyPem,
      thumbprintSha256: sim.scanner.certificate.thumbprintSha256,
    },
    startMs: performance.now() - started,
  },
});
