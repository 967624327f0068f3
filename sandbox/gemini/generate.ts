/**
 * Generates a deterministic Gemini tenant from a seed: the scanned project's API keys (planted
 * violations, clean look-alikes, then `size.keys` background keys with random restrictions),
 * a deleted key and another project's keys, and Gemini files uploaded to both projects.
 */
import { ALPHANUMERIC, createRandom, type Random } from '../random.ts';
import type {
  CloudApiKey,
  CloudProject,
  FileSource,
  FileState,
  GeminiTenant,
  KeyRestrictions,
  StoredFile,
  StoredKey,
} from './types.ts';

export const GEMINI_SERVICE = 'generativelanguage.googleapis.com';
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Gemini deletes uploaded files 48 hours after upload. */
const FILE_LIFETIME_MS = 48 * HOUR;

export interface GeminiTenantSize {
  /** Background keys in the scanned project, on top of the planted ones. Default 12. */
  keys?: number;
  /** Background files in the scanned project, on top of the planted ones. Default 25. */
  files?: number;
}

export interface GenerateGeminiTenantOptions {
  seed?: number;
  size?: GeminiTenantSize;
  now?: Date;
  /** Plant the named violations and look-alikes. Default true. */
  plant?: boolean;
}

const OTHER_SERVICES = [
  'maps-backend.googleapis.com',
  'translate.googleapis.com',
  'youtube.googleapis.com',
  'places-backend.googleapis.com',
];
const MIME_TYPES = ['application/pdf', 'text/plain', 'image/png', 'audio/mpeg', 'video/mp4', 'text/csv'];

interface KeySpec {
  role?: string;
  displayName: string;
  ageDays: number;
  restrictions?: KeyRestrictions;
  serviceAccountEmail?: string;
  deleted?: boolean;
}

/** The planted keys: each names the rules it must (or must not) trip in its role. */
function plantedKeySpecs(project: CloudProject): KeySpec[] {
  const gemini = [{ service: GEMINI_SERVICE }];
  return [
    // Violations.
    { role: 'unrestricted', displayName: 'Prototype key', ageDays: 12 },
    {
      role: 'emptyAndroid',
      displayName: 'Android app (restriction never filled in)',
      ageDays: 30,
      restrictions: { androidKeyRestrictions: {} },
    },
    {
      role: 'geminiAnywhere',
      displayName: 'Gemini key',
      ageDays: 20,
      restrictions: { apiTargets: gemini },
    },
    {
      role: 'geminiEmptyBrowser',
      displayName: 'Gemini web widget',
      ageDays: 40,
      restrictions: { apiTargets: gemini, browserKeyRestrictions: { allowedReferrers: [] } },
    },
    {
      role: 'allApisBrowser',
      displayName: 'Website key (all APIs)',
      ageDays: 60,
      restrictions: { browserKeyRestrictions: { allowedReferrers: ['https://www.acme.example/*'] } },
      serviceAccountEmail: `web-frontend@${project.projectId}.iam.gserviceaccount.com`,
    },
    {
      role: 'oldGeminiServer',
      displayName: 'Batch summariser',
      ageDays: 500,
      restrictions: { apiTargets: gemini, serverKeyRestrictions: { allowedIps: ['198.51.100.7'] } },
    },
    {
      role: 'oldMapsIos',
      displayName: 'iOS maps',
      ageDays: 400,
      restrictions: {
        apiTargets: [{ service: 'maps-backend.googleapis.com' }],
        iosKeyRestrictions: { allowedBundleIds: ['com.acme.maps'] },
      },
    },
    // Clean look-alikes.
    {
      role: 'geminiServer',
      displayName: 'Gemini backend (server IPs)',
      ageDays: 25,
      restrictions: {
        apiTargets: [{ service: GEMINI_SERVICE, methods: ['google.ai.generativelanguage.v1beta.*'] }],
        serverKeyRestrictions: { allowedIps: ['127.0.0.1', '198.51.100.7'] },
      },
    },
    {
      role: 'mapsOnly',
      displayName: 'Maps (no app restriction)',
      ageDays: 15,
      restrictions: { apiTargets: [{ service: 'maps-backend.googleapis.com' }] },
    },
    {
      role: 'freshAndroid',
      displayName: 'Android translate',
      ageDays: 2,
      restrictions: {
        apiTargets: [{ service: 'translate.googleapis.com' }],
        androidKeyRestrictions: {
          allowedApplications: [
            {
              packageName: 'com.acme.translate',
              sha1Fingerprint: 'DA:39:A3:EE:5E:6B:4B:0D:32:55:BF:EF:95:60:18:90:AF:D8:07:09',
            },
          ],
        },
      },
    },
    {
      role: 'almostDue',
      displayName: 'Rotated last year',
      ageDays: 364,
      restrictions: {
        apiTargets: [{ service: GEMINI_SERVICE }],
        browserKeyRestrictions: { allowedReferrers: ['https://app.acme.example/*'] },
      },
    },
    // Deleted within 30 days: listed only with showDeleted, so never scanned.
    { role: 'deletedUnrestricted', displayName: 'Old prototype (deleted)', ageDays: 700, deleted: true },
  ];
}

function filesKeySpec(project: CloudProject): KeySpec {
  const spec = plantedKeySpecs(project).find((s) => s.role === 'geminiServer');
  if (!spec) throw new Error('gemini simulator: no geminiServer key spec');
  return { ...spec, role: undefined };
}

function keyString(random: Random): string {
  return `AIzaSy${random.token(33, `${ALPHANUMERIC}-_`)}`;
}

function uuid(random: Random): string {
  const hex = random.token(32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function buildKey(random: Random, project: CloudProject, spec: KeySpec, now: number): StoredKey {
  const uid = uuid(random);
  const created = now - spec.ageDays * DAY - random.int(0, HOUR);
  const key: CloudApiKey = {
    name: `projects/${project.projectNumber}/locations/global/keys/${uid}`,
    uid,
    displayName: spec.displayName,
    createTime: new Date(created).toISOString(),
    updateTime: new Date(created + random.int(1, 50)).toISOString(),
    etag: `${Buffer.from(random.token(16)).toString('base64').slice(0, 22)}==`,
  };
  if (spec.deleted) key.deleteTime = new Date(now - 3 * DAY).toISOString();
  if (spec.serviceAccountEmail) key.serviceAccountEmail = spec.serviceAccountEmail;
  if (spec.restrictions) key.restrictions = spec.restrictions;
  return { key, keyString: keyString(random), projectId: project.projectId };
}

/** A random key: a mix of every restriction shape, so the oracle (not the plan) decides findings. */
function backgroundSpec(random: Random, index: number): KeySpec {
  const restrictions: KeyRestrictions = {};
  const targets = random.int(0, 3);
  if (targets === 1) restrictions.apiTargets = [{ service: GEMINI_SERVICE }];
  if (targets === 2) restrictions.apiTargets = [{ service: random.pick(OTHER_SERVICES) }];
  if (targets === 3)
    restrictions.apiTargets = [{ service: GEMINI_SERVICE }, { service: random.pick(OTHER_SERVICES) }];
  const app = random.int(0, 5);
  if (app === 1) restrictions.serverKeyRestrictions = { allowedIps: [`203.0.113.${random.int(1, 254)}`] };
  if (app === 2)
    restrictions.browserKeyRestrictions = { allowedReferrers: [`https://site${index}.acme.example/*`] };
  if (app === 3) restrictions.iosKeyRestrictions = { allowedBundleIds: [`com.acme.app${index}`] };
  if (app === 4) restrictions.serverKeyRestrictions = {};
  return {
    displayName: `Key ${index + 1}`,
    ageDays: random.int(0, 900),
    restrictions: Object.keys(restrictions).length > 0 ? restrictions : undefined,
  };
}

function buildFile(
  random: Random,
  projectId: string,
  now: number,
  options: { source?: FileSource; state?: FileState; displayName?: string } = {},
): StoredFile {
  const id = random.token(12, 'abcdefghijklmnopqrstuvwxyz0123456789');
  const created = now - random.int(1, 47 * 60) * 60_000;
  const mimeType = random.pick(MIME_TYPES);
  const state =
    options.state ?? (random.chance(0.85) ? 'ACTIVE' : random.pick(['PROCESSING', 'FAILED'] as const));
  return {
    projectId,
    file: {
      name: `files/${id}`,
      displayName: options.displayName ?? `upload-${id.slice(0, 6)}.${mimeType.split('/')[1]}`,
      mimeType,
      sizeBytes: String(random.int(120, 2_000_000_000)),
      createTime: new Date(created).toISOString(),
      updateTime: new Date(created + random.int(100, 5000)).toISOString(),
      expirationTime: new Date(created + FILE_LIFETIME_MS).toISOString(),
      sha256Hash: Buffer.from(random.token(64), 'hex').toString('base64'),
      state,
      source: options.source ?? (random.chance(0.9) ? 'UPLOADED' : 'GENERATED'),
      ...(state === 'FAILED' ? { error: { code: 3, message: 'Unsupported file content.' } } : {}),
    },
  };
}

export function generateGeminiTenant(options: GenerateGeminiTenantOptions = {}): GeminiTenant {
  const random = createRandom(options.seed ?? 1);
  const now = (options.now ?? new Date()).getTime();
  const project: CloudProject = { projectId: 'periscope-sim', projectNumber: '123456867718' };
  const otherProject: CloudProject = { projectId: 'acme-marketing', projectNumber: '987654321098' };
  const keys: StoredKey[] = [];
  const planted: GeminiTenant['planted'] = { keys: {}, files: {} };

  const keyRandom = random.fork('keys');
  if (options.plant !== false) {
    for (const spec of plantedKeySpecs(project)) {
      const stored = buildKey(keyRandom, project, spec, now);
      keys.push(stored);
      if (spec.role) planted.keys[spec.role] = stored.key.uid;
    }
  }
  const background = random.fork('background-keys');
  for (let i = 0; i < (options.size?.keys ?? 12); i += 1) {
    keys.push(buildKey(background, project, backgroundSpec(background, i), now));
  }
  // The key the scanner reads files with: clean and restricted to Gemini from this machine.
  const filesKey =
    keys.find((k) => k.key.uid === planted.keys.geminiServer) ??
    buildKey(keyRandom, project, filesKeySpec(project), now);
  if (!keys.includes(filesKey)) keys.push(filesKey);
  const otherKey = buildKey(
    random.fork('other-keys'),
    otherProject,
    { displayName: 'Marketing', ageDays: 800 },
    now,
  );
  keys.push(otherKey);

  const fileRandom = random.fork('files');
  const files: StoredFile[] = [];
  if (options.plant !== false) {
    const generated = buildFile(fileRandom, project.projectId, now, { source: 'GENERATED', state: 'ACTIVE' });
    const processing = buildFile(fileRandom, project.projectId, now, {
      state: 'PROCESSING',
      source: 'UPLOADED',
    });
    const contract = buildFile(fileRandom, project.projectId, now, {
      state: 'ACTIVE',
      source: 'UPLOADED',
      displayName: 'customer-contracts.pdf',
    });
    files.push(generated, processing, contract);
    planted.files = {
      generated: generated.file.name,
      processing: processing.file.name,
      contract: contract.file.name,
    };
  }
  for (let i = 0; i < (options.size?.files ?? 25); i += 1)
    files.push(buildFile(fileRandom, project.projectId, now));
  const otherFiles = random.fork('other-files');
  for (let i = 0; i < 7; i += 1) files.push(buildFile(otherFiles, otherProject.projectId, now));

  return {
    project,
    otherProject,
    keys,
    files,
    planted,
    filesKeyString: filesKey.keyString,
    otherProjectKeyString: otherKey.keyString,
  };
}
