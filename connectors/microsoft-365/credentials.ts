/**
 * What a Microsoft 365 connection stores: an Entra app registration (multi-tenant, admin-consented
 * in the customer tenant) with a client secret or, recommended, a certificate. The customer tenant
 * is configuration: MSAL's client-credentials grant needs a per-tenant authority.
 */
import { X509Certificate } from 'node:crypto';
import { z } from 'zod';

export const SecretCredentials = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
});

export const CertificateCredentials = z
  .object({
    clientId: z.string().min(1),
    /** PEM private key of the certificate registered on the app. */
    privateKey: z.string().includes('PRIVATE KEY', { message: 'privateKey is not a PEM private key' }),
    /** PEM certificate: its SHA-256 thumbprint identifies the key to Entra (and it is sent as x5c). */
    certificate: z
      .string()
      .refine(isCertificate, { message: 'certificate is not a PEM X.509 certificate' })
      .optional(),
    /** Or the thumbprint alone (hex SHA-256, as the Entra portal shows it). */
    thumbprintSha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, { message: 'thumbprintSha256 is not 64 hex digits' })
      .optional(),
  })
  .refine((c) => c.certificate !== undefined || c.thumbprintSha256 !== undefined, {
    message: 'give the certificate (PEM) or its thumbprintSha256 with the privateKey',
    path: ['certificate'],
  });

type Credentials = z.infer<typeof SecretCredentials> | z.infer<typeof CertificateCredentials>;

/** Picks the mode from the keys given, so an error names the field that is wrong. */
export const Microsoft365Credentials = z.unknown().transform((input, ctx): Credentials => {
  const given = typeof input === 'object' && input !== null ? input : {};
  const schema =
    'privateKey' in given || 'certificate' in given || 'thumbprintSha256' in given
      ? CertificateCredentials
      : SecretCredentials;
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});
export type Microsoft365Credentials = Credentials;

function isCertificate(pem: string): boolean {
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}

export function isCertificateCredentials(
  credentials: Microsoft365Credentials,
): credentials is z.infer<typeof CertificateCredentials> {
  return 'privateKey' in credentials;
}

const count = z.string().regex(/^\d+$/);
const httpsUrl = z.url({ protocol: /^https$/ });

export const Microsoft365Config = z.object({
  /** The customer tenant: its GUID or a verified domain (contoso.onmicrosoft.com). */
  tenantId: z.string().min(1),
  /** Login authority host for national clouds (https://login.microsoftonline.us) or the simulator. */
  authority: httpsUrl.optional(),
  /** SharePoint admin site (https://contoso-admin.sharepoint.com): enables the link-default settings. */
  sharepointAdminUrl: httpsUrl.optional(),
  /** PEM of one more certificate authority to trust (a TLS-inspecting proxy, the simulator). */
  caCertificate: z.string().includes('BEGIN CERTIFICATE').optional(),
  /** Requests in flight per connection (default 8). */
  concurrency: count.optional(),
  /** Base of the retry backoff in ms when Graph gives no Retry-After (default 1000). */
  retryBaseMs: count.optional(),
  /** Hours between reads of every drive's delta, whatever the sites' modification times say (default 24). */
  sweepHours: count.optional(),
});
export type Microsoft365Config = z.infer<typeof Microsoft365Config>;
