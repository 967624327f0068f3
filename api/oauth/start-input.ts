/**
 * What starting a connect flow takes, per provider: the same fields as the POST body (JSON, for
 * scripts) and the GET query (a link an admin opens in the browser).
 */
import { z } from 'zod';

export const googleStartFields = {
  adminEmail: z.email().describe('the super admin who consents'),
};

export const githubStartFields = {
  org: z
    .string()
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'a GitHub org login')
    .describe('the org to install the App on'),
};

/** The redirect of the GET start routes: no body, the vendor URL in Location. */
export const StartRedirect = z
  .undefined()
  .describe(
    'redirect to the vendor’s consent or installation page (Location header); Cache-Control: no-store, as the URL is single-use',
  );
