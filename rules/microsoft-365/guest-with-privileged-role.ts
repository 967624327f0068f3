import { defineRule } from '../define-rule.ts';
import { privilegedRolesOf, userEvidence } from '../microsoft-users.ts';

export default defineRule({
  id: 'microsoft-365/guest-with-privileged-role',
  title: 'Guests hold no privileged directory roles',
  description:
    "A guest account (an identity another organization or a personal account controls) holds a privileged Entra ID directory role. Its password, MFA and offboarding are managed outside your tenant, so whoever compromises the guest's home account, or keeps it after leaving the partner, administers your tenant.",
  remediation:
    'In the Microsoft Entra admin center open Roles & admins > the role > Assignments and remove the guest. If the person needs administrative rights, create a member account in your tenant for them, assign the role as eligible through Privileged Identity Management, and require phishing-resistant MFA for it.',
  severity: 'high',
  provider: 'microsoft-365',
  kind: 'identity',
  streams: ['users'],
  references: [
    'https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/best-practices',
    'https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/permissions-reference',
  ],
  frameworks: { soc2: ['CC6.3'], iso27001: ['A.8.2', 'A.5.19'] },
  appliesTo: (asset) => asset.identityType === 'guest',
  evaluate(asset) {
    // A disabled guest keeps the assignment: it comes back with the account, so it is reported too.
    if (privilegedRolesOf(asset).length === 0) return null;
    return { evidence: { ...userEvidence(asset), accountEnabled: !asset.suspended } };
  },
});
