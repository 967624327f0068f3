/**
 * One DLP inspection: fetch a file's content through its connector, run the tenant's DLP
 * profiles over it, store the result on the asset, and evaluate the file's rules again so DLP
 * findings open (or resolve) without waiting for the next scan. Content never leaves this
 * function: only counts, detector ids and masked hints are stored.
 */
import { contentVersion, findAssetRow, saveDlpResult } from '../../db/asset-dlp.ts';
import { getConnection } from '../../db/connections.ts';
import { applyObservations, resolveAssetFindings } from '../../db/findings.ts';
import { getTenantById } from '../../db/tenants.ts';
import { openConnectorSession } from '../connector-session.ts';
import { createDlpScanner, inspectContent } from '../dlp/index.ts';
import { PeriscopeError } from '../errors.ts';
import { HttpCallCounter } from '../http-counter.ts';
import { type FileAsset, type Provider, parseAsset } from '../model.ts';
import { parsePolicy } from '../policy.ts';
import { buildRuleIndex, type EvaluationResult, evaluateAssets } from '../rule-engine.ts';
import type { ScanDeps } from '../scan.ts';
import type { DlpJobData } from './types.ts';

/** Files larger than this are inspected up to it (the result says truncated). */
export const defaultMaxBytes = 10 * 1024 * 1024;

export type InspectionOutcome = 'matched' | 'clean' | 'unsupported' | 'skipped';

export async function inspectFile(
  deps: ScanDeps,
  job: DlpJobData,
  signal: AbortSignal,
): Promise<InspectionOutcome> {
  const row = await findAssetRow(deps.db, job.tenantId, job.connectionId, job.assetKey);
  if (!row || row.removedAt || row.kind !== 'file') return 'skipped'; // gone since it was queued
  const file = parseAsset(row.data as never) as FileAsset;
  const version = contentVersion(file);
  if (file.dlp && file.dlp.status !== 'not_inspected' && file.dlp.inspectedVersion === version && version) {
    return 'skipped'; // already inspected at this version (a duplicate job)
  }

  const connection = await getConnection(deps.db, job.tenantId, job.connectionId);
  const connector = deps.connectors[connection.provider as Provider];
  if (!connector)
    throw new PeriscopeError('config_invalid', `no connector for provider "${connection.provider}"`);
  const tenant = await getTenantById(deps.db, job.tenantId);
  const policy = parsePolicy(tenant.policy);
  const logger = deps.logger.child({ connectionId: connection.id, dlp: job.assetKey });

  let dlp: NonNullable<FileAsset['dlp']>;
  const content = connector.fetchContent
    ? await (async () => {
        const http = new HttpCallCounter();
        const session = await openConnectorSession(deps, connector, connection, { logger, http, signal });
        const state = { get: async () => undefined, set: async () => {} };
        const { config, credentials, client } = session;
        return connector.fetchContent?.(
          { connection: config, credentials, client, logger, signal, http, state },
          file,
        );
      })()
    : null;
  if (!content) {
    dlp = { status: 'unsupported', profiles: [], detectors: [], inspectedVersion: version };
  } else {
    const scanner = createDlpScanner({
      profiles: policy.dlpProfiles,
      customProfiles: policy.customDlpProfiles,
    });
    const result = await inspectContent(scanner, content, { maxBytes: defaultMaxBytes });
    dlp = {
      status: result.status,
      profiles: result.profiles,
      detectors: result.detectors.map(({ id, count, confidence, hint }) => ({ id, count, confidence, hint })),
      inspectedVersion: version,
      bytesScanned: result.bytesScanned,
      truncated: result.truncated,
    };
  }
  await saveDlpResult(deps.db, connection.id, job.assetKey, dlp);

  const inspected: FileAsset = { ...file, dlp };
  const now = deps.clock?.() ?? new Date();
  const scope = { tenantId: job.tenantId, connectionId: connection.id, scanId: job.scanId, now };
  const index = buildRuleIndex(deps.rules, connector.provider, policy, now);
  const result: EvaluationResult = { observations: [], errors: new Map() };
  evaluateAssets(index, [inspected], result);
  await applyObservations(deps.db, scope, result.observations);
  const fileRules = (index.byKind.get('file') ?? []).map((r) => r.id).filter((id) => !result.errors.has(id));
  await resolveAssetFindings(deps.db, scope, job.assetKey, fileRules, result.observations);
  return dlp.status === 'not_inspected' ? 'skipped' : dlp.status;
}
