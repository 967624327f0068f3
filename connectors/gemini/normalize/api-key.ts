/**
 * API Keys API `Key` → api_key asset. The key string is never in the response and never asked
 * for; the hint is the last group of the key's uid (an id, not the secret). Restrictions are
 * summarised into what rules read: the services the key may call, which application
 * restrictions are set (an empty sub-object restricts nothing), and whether it can call Gemini.
 */
import { z } from 'zod';
import type { AssetInput } from '../../../scanner/model.ts';
import { GEMINI_MANIFEST } from '../manifest.ts';

const list = <T extends z.ZodType>(item: T) => z.array(item).nullish();

const Restrictions = z.looseObject({
  browserKeyRestrictions: z.looseObject({ allowedReferrers: list(z.string()) }).nullish(),
  serverKeyRestrictions: z.looseObject({ allowedIps: list(z.string()) }).nullish(),
  androidKeyRestrictions: z.looseObject({ allowedApplications: list(z.looseObject({})) }).nullish(),
  iosKeyRestrictions: z.looseObject({ allowedBundleIds: list(z.string()) }).nullish(),
  apiTargets: list(z.looseObject({ service: z.string().nullish(), methods: list(z.string()) })),
});

export const WireKey = z.looseObject({
  name: z.string().min(1),
  uid: z.string().nullish(),
  displayName: z.string().nullish(),
  createTime: z.string().nullish(),
  updateTime: z.string().nullish(),
  deleteTime: z.string().nullish(),
  serviceAccountEmail: z.string().nullish(),
  restrictions: Restrictions.nullish(),
});
export type WireKey = z.infer<typeof WireKey>;

export const KeyPage = z.looseObject({
  keys: z.array(z.unknown()).nullish(),
  nextPageToken: z.string().nullish(),
});

export type ApplicationRestriction = 'browser' | 'server' | 'android' | 'ios';

/** Which application restrictions are set with at least one entry, and which are present but empty. */
function applicationRestrictions(key: WireKey): {
  set: ApplicationRestriction[];
  empty: ApplicationRestriction[];
} {
  const r = key.restrictions;
  const entries: Array<[ApplicationRestriction, object | null | undefined, unknown[] | null | undefined]> = [
    ['browser', r?.browserKeyRestrictions, r?.browserKeyRestrictions?.allowedReferrers],
    ['server', r?.serverKeyRestrictions, r?.serverKeyRestrictions?.allowedIps],
    ['android', r?.androidKeyRestrictions, r?.androidKeyRestrictions?.allowedApplications],
    ['ios', r?.iosKeyRestrictions, r?.iosKeyRestrictions?.allowedBundleIds],
  ];
  return {
    set: entries.filter(([, , values]) => (values?.length ?? 0) > 0).map(([kind]) => kind),
    empty: entries
      .filter(([, object, values]) => object && (values?.length ?? 0) === 0)
      .map(([kind]) => kind),
  };
}

function isoOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function normalizeApiKey(key: WireKey, projectId: string, observedAt: string): AssetInput {
  const uid = key.uid || (key.name.split('/').pop() as string);
  const services = [
    ...new Set((key.restrictions?.apiTargets ?? []).map((t) => t.service).filter((s): s is string => !!s)),
  ];
  const allApis = services.length === 0;
  const app = applicationRestrictions(key);
  return {
    provider: 'gemini',
    kind: 'api_key',
    externalId: uid,
    name: key.displayName || uid,
    url: `https://console.cloud.google.com/apis/credentials/key/${encodeURIComponent(uid)}?project=${encodeURIComponent(projectId)}`,
    observedAt,
    keyType: 'google_cloud_api_key',
    owner: key.serviceAccountEmail || `projects/${projectId}`,
    hint: `…${uid.split('-').pop()}`,
    createdAt: isoOrNull(key.createTime),
    lastUsedAt: null,
    // The API Keys API does not report when a key was last used.
    usageTracked: false,
    attributes: {
      resourceName: key.name,
      project: projectId,
      updatedAt: isoOrNull(key.updateTime),
      serviceAccountEmail: key.serviceAccountEmail ?? null,
      apiTargets: services,
      allApis,
      geminiCapable: allApis || services.includes(GEMINI_MANIFEST.geminiService),
      applicationRestrictions: app.set,
      emptyApplicationRestrictions: app.empty,
    },
  };
}
