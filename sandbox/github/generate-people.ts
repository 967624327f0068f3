/**
 * Members and outside collaborators. Everyone has 2FA on except the planted few; one member
 * uses an insecure 2FA method (SMS) as a near-miss: `filter=2fa_insecure` lists them but
 * `filter=2fa_disabled` does not, so `github/member-without-2fa` must stay quiet for them.
 */
import type { Random } from '../random.ts';
import { githubAssetKey } from './asset-keys.ts';
import type { GhMember, GhUser, Planted } from './types.ts';

const FIRST = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'grace',
  'heidi',
  'ivan',
  'judy',
  'mallory',
  'niaj',
  'olivia',
  'peggy',
  'rupert',
  'sybil',
  'trent',
  'victor',
  'walter',
  'yara',
];
const LAST = [
  'chen',
  'garcia',
  'ito',
  'kowalski',
  'lopez',
  'müller',
  'nguyen',
  'okafor',
  'patel',
  'rossi',
  'silva',
  'smith',
];

/** Org owners when the org is planted with `github/org-too-many-owners` (rule: more than 5). */
export const OWNERS_WHEN_VIOLATING = 7;
export const OWNERS_WHEN_CLEAN = 3;

export interface PeopleSection {
  members: GhMember[];
  outsideCollaborators: GhUser[];
}

function login(random: Random, index: number): string {
  const last = random.pick(LAST).replace('ü', 'u');
  return `${random.pick(FIRST)}-${last}-${index.toString(36)}`;
}

export function generatePeople(
  random: Random,
  nextUserId: () => number,
  counts: { members: number; outsideCollaborators: number },
  clean: boolean,
  plant: (p: Planted) => void,
): PeopleSection {
  const owners = Math.min(counts.members, clean ? OWNERS_WHEN_CLEAN : OWNERS_WHEN_VIOLATING);
  const members: GhMember[] = [];
  for (let i = 0; i < counts.members; i += 1) {
    members.push({
      id: nextUserId(),
      login: login(random, i),
      two_factor: 'enabled',
      // Owners come first: the simulator's PAT belongs to members[0].
      role: i < owners ? 'admin' : 'member',
    });
  }

  const collaborators: GhUser[] = [];
  for (let i = 0; i < counts.outsideCollaborators; i += 1) {
    collaborators.push({ id: nextUserId(), login: `ext-${login(random, i)}`, two_factor: 'enabled' });
  }

  if (!clean) {
    // Never members[0]: the owner whose PAT the simulator hands out keeps 2FA on.
    const withoutTwoFactor = Math.max(2, Math.floor(counts.members / 200));
    for (const index of random.sampleIndices(Math.max(0, counts.members - 1), withoutTwoFactor)) {
      const member = members[index + 1] as GhMember;
      member.two_factor = 'disabled';
      plant({ ruleId: 'github/member-without-2fa', assetKey: githubAssetKey.identity(member.id) });
    }
    const collaboratorsWithout = Math.max(1, Math.floor(counts.outsideCollaborators / 50));
    for (const index of random.sampleIndices(counts.outsideCollaborators, collaboratorsWithout)) {
      const collaborator = collaborators[index] as GhUser;
      collaborator.two_factor = 'disabled';
      plant({
        ruleId: 'github/outside-collaborator-without-2fa',
        assetKey: githubAssetKey.identity(collaborator.id),
      });
    }
  }
  const insecure = members.findLast((member) => member.two_factor === 'enabled' && member.role === 'member');
  if (insecure) insecure.two_factor = 'insecure';
  return { members, outsideCollaborators: collaborators };
}
