/**
 * Vendor facts for the Gemini connector in one place: endpoints, the OAuth scope and IAM
 * permission each stream needs, paging limits and what the APIs cannot do.
 */
export const GEMINI_MANIFEST = {
  tokenUrl: 'https://oauth2.googleapis.com/token',
  apiKeysRootUrl: 'https://apikeys.googleapis.com/',
  geminiBaseUrl: 'https://generativelanguage.googleapis.com',
  /** Read-only access to Cloud APIs; the API Keys API accepts it for list/get. */
  scope: 'https://www.googleapis.com/auth/cloud-platform.read-only',
  /** Granted by roles/serviceusage.apiKeysViewer on the project. */
  listKeysPermission: 'apikeys.keys.list',
  listKeysRole: 'roles/serviceusage.apiKeysViewer',
  /** The service a key must target (or leave untargeted) to call Gemini. */
  geminiService: 'generativelanguage.googleapis.com',
  /** API Keys API: the page size is not documented as capped; ask for many, follow tokens. */
  keysPageSize: 300,
  /** Gemini API files.list: default 10, at most 100. */
  filesPageSize: 100,
  /** Every API key lives in the `global` location. */
  keysLocation: 'global',
} as const;
