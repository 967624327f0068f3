/**
 * Every route of the API, listed explicitly. app.ts registers exactly these; the tests walk
 * this list (isolation across tenants, fuzzing, OpenAPI coverage).
 */
import type { RouteDefinition, RouteSchema } from '../route.ts';
import getAiApps from './ai-apps/getAiApps.ts';
import putAiAppApproval from './ai-apps/putAiAppApproval.ts';
import getAssets from './assets/getAssets.ts';
import getConnectGitHub from './connect/getConnectGitHub.ts';
import getConnectGitHubCallback from './connect/getConnectGitHubCallback.ts';
import getConnectGoogle from './connect/getConnectGoogle.ts';
import getConnectGoogleCallback from './connect/getConnectGoogleCallback.ts';
import getConnectMicrosoft from './connect/getConnectMicrosoft.ts';
import getConnectMicrosoftCallback from './connect/getConnectMicrosoftCallback.ts';
import postConnectGitHub from './connect/postConnectGitHub.ts';
import postConnectGoogle from './connect/postConnectGoogle.ts';
import postConnectMicrosoft from './connect/postConnectMicrosoft.ts';
import deleteConnection from './connections/deleteConnection.ts';
import getConnection from './connections/getConnection.ts';
import getConnections from './connections/getConnections.ts';
import postConnection from './connections/postConnection.ts';
import deleteExport from './exports/deleteExport.ts';
import getExport from './exports/getExport.ts';
import getExportDeadLetters from './exports/getExportDeadLetters.ts';
import getExports from './exports/getExports.ts';
import patchExport from './exports/patchExport.ts';
import postExport from './exports/postExport.ts';
import postExportBackfill from './exports/postExportBackfill.ts';
import postExportReplay from './exports/postExportReplay.ts';
import deleteFindingMute from './findings/deleteFindingMute.ts';
import deleteFindingSeverity from './findings/deleteFindingSeverity.ts';
import getFinding from './findings/getFinding.ts';
import getFindings from './findings/getFindings.ts';
import getFindingTrend from './findings/getFindingTrend.ts';
import putFindingMute from './findings/putFindingMute.ts';
import putFindingSeverity from './findings/putFindingSeverity.ts';
import getHealthz from './health/getHealthz.ts';
import getReadyz from './health/getReadyz.ts';
import getMetrics from './metrics/getMetrics.ts';
import getPolicy from './policy/getPolicy.ts';
import patchPolicy from './policy/patchPolicy.ts';
import getRule from './rules/getRule.ts';
import getRules from './rules/getRules.ts';
import getScan from './scans/getScan.ts';
import getScans from './scans/getScans.ts';
import postScanCancel from './scans/postScanCancel.ts';
import postScans from './scans/postScans.ts';
import deleteSchedule from './schedules/deleteSchedule.ts';
import getSchedules from './schedules/getSchedules.ts';
import patchSchedule from './schedules/patchSchedule.ts';
import postSchedule from './schedules/postSchedule.ts';
import getTenant from './tenants/getTenant.ts';
import getTenants from './tenants/getTenants.ts';
import postTenant from './tenants/postTenant.ts';
import getTokenSelf from './token/getTokenSelf.ts';

export const routes: RouteDefinition<RouteSchema>[] = [
  getHealthz,
  getReadyz,
  getMetrics,
  getRules,
  getRule,
  getTenants,
  postTenant,
  getTenant,
  getTokenSelf,
  getFindings,
  getFinding,
  getFindingTrend,
  putFindingMute,
  deleteFindingMute,
  putFindingSeverity,
  deleteFindingSeverity,
  getAssets,
  getPolicy,
  patchPolicy,
  getConnections,
  postConnection,
  getConnection,
  deleteConnection,
  getScans,
  getScan,
  postScans,
  postScanCancel,
  getSchedules,
  postSchedule,
  patchSchedule,
  deleteSchedule,
  getAiApps,
  putAiAppApproval,
  getExports,
  postExport,
  getExport,
  patchExport,
  deleteExport,
  postExportReplay,
  postExportBackfill,
  getExportDeadLetters,
  postConnectGoogle,
  postConnectMicrosoft,
  postConnectGitHub,
  getConnectGoogle,
  getConnectMicrosoft,
  getConnectGitHub,
  getConnectGoogleCallback,
  getConnectMicrosoftCallback,
  getConnectGitHubCallback,
] as RouteDefinition<RouteSchema>[];
