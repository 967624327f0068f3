import { defineRule } from '../define-rule.ts';
import { externalSharesOf } from '../drive-shares.ts';

/** Consumer mail domains whose accounts are personal: the rule's default `consumerDomains`. */
export const CONSUMER_DOMAINS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'mail.com',
  'yandex.com',
  'qq.com',
  '163.com',
];

interface Options extends Record<string, unknown> {
  /** Consumer mail domains: a share to one of them lands in a personal account. */
  consumerDomains: string[];
}

export default defineRule<'file', Options>({
  id: 'google-workspace/file-shared-to-personal-account',
  title: 'Files are not shared with personal email accounts',
  description:
    "The file is shared with an account at a consumer mail provider (Gmail, Outlook.com, Yahoo, iCloud …). Such accounts are often the employee's own private address: company data leaves every control the organization has, and stays there after the person leaves.",
  remediation:
    "Remove the personal account from the file's sharing (Share in Google Drive) and share with the person's work account instead. In the Google Admin console, Apps > Google Workspace > Drive and Docs > Sharing settings, limit external sharing to allowlisted domains and warn users when they share outside the organization.",
  severity: 'medium',
  provider: 'google-workspace',
  kind: 'file',
  streams: ['drive'],
  options: { consumerDomains: [...CONSUMER_DOMAINS] },
  references: [
    'https://support.google.com/a/answer/60781',
    'https://support.google.com/drive/answer/2494822',
  ],
  frameworks: {
    scuba: ['GWS.DRIVEDOCS.1.1v1'],
    cis_google_workspace: ['3.1.2.1.1.3'],
    soc2: ['CC6.1', 'CC6.7'],
    iso27001: ['A.5.14'],
  },
  evaluate(asset, ctx) {
    const consumer = new Set(ctx.options.consumerDomains.map((d) => d.toLowerCase()));
    // sharedWithDomains lists every external domain; externalShares (at most 50) names the accounts.
    const domains = asset.sharedWithDomains.map((d) => d.toLowerCase()).filter((d) => consumer.has(d));
    const accounts = externalSharesOf(asset)
      .filter((share) => consumer.has(share.domain))
      .map(({ email, domain, role, expiresAt }) => ({ email, domain, role, expiresAt }));
    for (const account of accounts) if (!domains.includes(account.domain)) domains.push(account.domain);
    if (domains.length === 0) return null;
    return { evidence: { domains: domains.sort(), accounts, owner: asset.owner, exposure: asset.exposure } };
  },
});
