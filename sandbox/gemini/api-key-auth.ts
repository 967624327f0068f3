/**
 * How the Gemini API admits a call made with an API key (`x-goog-api-key` header or `key=`):
 * the key must exist and not be deleted, its API targets (if any) must include the Gemini API,
 * and its application restriction (if any) must match the caller. Errors are Google's.
 */
import type { IncomingMessage } from 'node:http';
import { GEMINI_SERVICE } from './generate.ts';
import type { GeminiTenant, StoredKey } from './types.ts';
import { cloudError, type GoogleReply } from './wire.ts';

const LIST_METHOD = 'google.ai.generativelanguage.v1beta.FileService.ListFiles';

const blocked = (reason: string, message: string): GoogleReply =>
  cloudError(403, message, {
    reason,
    domain: 'googleapis.com',
    metadata: { service: GEMINI_SERVICE, methodName: LIST_METHOD },
  });

function callerIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}

export function admitApiKey(req: IncomingMessage, url: URL, tenant: GeminiTenant): StoredKey | GoogleReply {
  const header = req.headers['x-goog-api-key'];
  const given = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('key');
  if (!given) {
    return cloudError(
      403,
      "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
    );
  }
  const stored = tenant.keys.find((k) => k.keyString === given && !k.key.deleteTime);
  if (!stored) {
    return cloudError(400, 'API key not valid. Please pass a valid API key.', {
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service: GEMINI_SERVICE },
    });
  }
  const restrictions = stored.key.restrictions ?? {};
  const targets = restrictions.apiTargets ?? [];
  if (targets.length > 0 && !targets.some((t) => t.service === GEMINI_SERVICE)) {
    return blocked(
      'API_KEY_SERVICE_BLOCKED',
      `Requests to this API ${GEMINI_SERVICE} method ${LIST_METHOD} are blocked.`,
    );
  }
  const ips = restrictions.serverKeyRestrictions?.allowedIps ?? [];
  if (ips.length > 0 && !ips.includes(callerIp(req))) {
    return blocked(
      'API_KEY_IP_ADDRESS_BLOCKED',
      `The provided API key has an IP address restriction. The originating IP address of the call (${callerIp(req)}) violates this restriction.`,
    );
  }
  const referrers = restrictions.browserKeyRestrictions?.allowedReferrers ?? [];
  if (referrers.length > 0 && !req.headers.referer) {
    return blocked('API_KEY_HTTP_REFERRER_BLOCKED', 'Requests from referer <empty> are blocked.');
  }
  if (
    (restrictions.androidKeyRestrictions?.allowedApplications ?? []).length > 0 &&
    !req.headers['x-android-package']
  ) {
    return blocked(
      'API_KEY_ANDROID_APP_BLOCKED',
      'Requests from this Android client application <empty> are blocked.',
    );
  }
  if (
    (restrictions.iosKeyRestrictions?.allowedBundleIds ?? []).length > 0 &&
    !req.headers['x-ios-bundle-identifier']
  ) {
    return blocked(
      'API_KEY_IOS_APP_BLOCKED',
      'Requests from this iOS client application <empty> are blocked.',
    );
  }
  return stored;
}
