/**
 * The simulated Google Cloud side of a Gemini deployment: projects, their API keys (as the API
 * Keys API v2 returns them, plus the key string it never returns in list/get) and the files
 * uploaded to the Gemini API with those keys. Field names are the wire names.
 */

export interface ApiTarget {
  service: string;
  methods?: string[];
}

export interface KeyRestrictions {
  browserKeyRestrictions?: { allowedReferrers?: string[] };
  serverKeyRestrictions?: { allowedIps?: string[] };
  androidKeyRestrictions?: { allowedApplications?: Array<{ packageName: string; sha1Fingerprint: string }> };
  iosKeyRestrictions?: { allowedBundleIds?: string[] };
  apiTargets?: ApiTarget[];
}

/** `Key` of the API Keys API v2, exactly the documented fields; `keyString` is not one of them. */
export interface CloudApiKey {
  name: string;
  uid: string;
  displayName?: string;
  createTime: string;
  updateTime: string;
  deleteTime?: string;
  etag: string;
  annotations?: Record<string, string>;
  serviceAccountEmail?: string;
  restrictions?: KeyRestrictions;
}

export interface StoredKey {
  key: CloudApiKey;
  /** The secret (`AIza…`), served only by `…/keyString` and accepted by the Gemini API. */
  keyString: string;
  /** Project id the key belongs to. */
  projectId: string;
}

export type FileState = 'STATE_UNSPECIFIED' | 'PROCESSING' | 'ACTIVE' | 'FAILED';
export type FileSource = 'UPLOADED' | 'GENERATED' | 'REGISTERED';

/** `File` of the Gemini API (v1beta); `uri`/`downloadUri` are filled in at serve time from the origin. */
export interface GeminiFile {
  /** `files/<id>`. */
  name: string;
  displayName?: string;
  mimeType: string;
  /** int64 as a string, as the API sends it. */
  sizeBytes: string;
  createTime: string;
  updateTime: string;
  expirationTime: string;
  sha256Hash: string;
  state: FileState;
  source: FileSource;
  error?: { code: number; message: string };
}

export interface StoredFile {
  file: GeminiFile;
  projectId: string;
}

export interface CloudProject {
  projectId: string;
  /** 12 digits, as Google numbers projects. Key names use it. */
  projectNumber: string;
}

/** Uids of the planted keys and ids of planted files, by role. */
export interface GeminiPlantedSet {
  keys: Record<string, string>;
  files: Record<string, string>;
}

export interface GeminiTenant {
  /** The project the scanner is pointed at. */
  project: CloudProject;
  /** Another project of the same organization: its keys and files must never show up in a scan. */
  otherProject: CloudProject;
  keys: StoredKey[];
  files: StoredFile[];
  planted: GeminiPlantedSet;
  /** The key string a connection gives as `geminiApiKey` (a clean, restricted key of `project`). */
  filesKeyString: string;
  /** A key string of `otherProject`, whose files are not the scanned project's. */
  otherProjectKeyString: string;
}
