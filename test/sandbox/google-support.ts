import { admin } from '@googleapis/admin';
import { drive } from '@googleapis/drive';
import { gaxios, JWT } from 'google-auth-library';
import type { GoogleSimulator } from '../../sandbox/index.ts';

export const SCOPES = {
  users: 'https://www.googleapis.com/auth/admin.directory.user.readonly',
  security: 'https://www.googleapis.com/auth/admin.directory.user.security',
  driveMeta: 'https://www.googleapis.com/auth/drive.metadata.readonly',
  driveRead: 'https://www.googleapis.com/auth/drive.readonly',
  reports: 'https://www.googleapis.com/auth/admin.reports.audit.readonly',
};

/**
 * A Gaxios that sends gtoken's hard-coded token POST to the simulator instead of Google
 * (the research's probe-verified interceptor approach); API calls pass through unchanged.
 */
export function redirectingTransporter(sim: GoogleSimulator): gaxios.Gaxios {
  const transporter = new gaxios.Gaxios();
  transporter.interceptors.request.add({
    resolved: async (config) => {
      if (String(config.url).startsWith('https://oauth2.googleapis.com/token'))
        config.url = new URL(sim.tokenUrl);
      return config;
    },
  });
  return transporter;
}

/** A service-account JWT client impersonating `subject`, as the scanner builds it. */
export function jwtFor(sim: GoogleSimulator, subject: string, scopes: string[]): JWT {
  return new JWT({
    email: sim.serviceAccount.client_email,
    key: sim.serviceAccount.private_key,
    scopes,
    subject,
    transporter: redirectingTransporter(sim),
  });
}

export function adminFor(sim: GoogleSimulator, auth: JWT) {
  return admin({ version: 'directory_v1', auth, rootUrl: `${sim.origin}/` });
}

export function reportsFor(sim: GoogleSimulator, auth: JWT) {
  return admin({ version: 'reports_v1', auth, rootUrl: `${sim.origin}/` });
}

export function driveFor(sim: GoogleSimulator, auth: JWT) {
  return drive({ version: 'v3', auth, rootUrl: `${sim.origin}/` });
}

/** The error a googleapis call rejected with, for status/body assertions. */
export async function rejectionOf(promise: Promise<unknown>): Promise<gaxios.GaxiosError> {
  try {
    await promise;
  } catch (error) {
    return error as gaxios.GaxiosError;
  }
  throw new Error('expected the call to fail');
}

/** `errors[0].reason` of a Google error envelope, or undefined. */
export function reasonOf(error: gaxios.GaxiosError): string | undefined {
  const data = error.response?.data as { error?: { errors?: Array<{ reason?: string }> } } | undefined;
  return data?.error?.errors?.[0]?.reason;
}
