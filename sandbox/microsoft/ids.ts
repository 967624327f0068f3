/**
 * Identifier shapes Microsoft uses, made deterministic: GUIDs drawn from the seeded PRNG,
 * oauth2PermissionGrant ids as Entra builds them (base64url of the client, resource and
 * principal GUIDs in .NET byte order), 34-character driveItem ids that encode the item's slot
 * so a 1,000,000-item tenant needs no id table, and `b!…` drive ids.
 */
import type { Random } from '../random.ts';

/** A version-4-shaped GUID from the PRNG. */
export function guid(random: Random): string {
  const hex = random.token(32);
  const variant = '89ab'[Number.parseInt(hex[16] as string, 16) & 3] as string;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** FNV-1a over a string: stable small hashes for derived ids. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A GUID derived from a name (for app roles and objects the catalog does not fix). */
export function guidFromName(name: string): string {
  let hex = '';
  for (let i = 0; hex.length < 32; i += 1) hex += hash32(`${name}#${i}`).toString(16).padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The 16 bytes of a GUID in .NET `Guid.ToByteArray()` order (first three groups little-endian). */
export function guidBytes(id: string): Buffer {
  const hex = id.replace(/-/g, '');
  const b = Buffer.from(hex, 'hex');
  return Buffer.concat([
    Buffer.from(b.subarray(0, 4)).reverse(),
    Buffer.from(b.subarray(4, 6)).reverse(),
    Buffer.from(b.subarray(6, 8)).reverse(),
    b.subarray(8, 16),
  ]);
}

/** oauth2PermissionGrant id: client SP, resource SP and (for Principal grants) the user. */
export function delegatedGrantId(clientId: string, resourceId: string, principalId: string | null): string {
  const parts = [guidBytes(clientId), guidBytes(resourceId)];
  if (principalId) parts.push(guidBytes(principalId));
  return Buffer.concat(parts).toString('base64url');
}

/** appRoleAssignment id: the principal's GUID bytes plus 16 bytes derived from the role. */
export function appRoleAssignmentId(principalId: string, resourceId: string, appRoleId: string): string {
  const tail = guidBytes(guidFromName(`${principalId}/${resourceId}/${appRoleId}`));
  return Buffer.concat([guidBytes(principalId), tail]).toString('base64url');
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Item ids carry the slot in 8 base32 digits (40 bits); roots use the upper half. */
const ROOT_FLAG = 2 ** 39;

function base32(value: number, width: number): string {
  let out = '';
  let v = value;
  for (let i = 0; i < width; i += 1) {
    out = BASE32[v % 32] + out;
    v = Math.floor(v / 32);
  }
  return out;
}

function checksum(value: number): string {
  let out = '';
  for (let i = 0; out.length < 24; i += 1) out += base32(hash32(`${value}:${i}`) % 32 ** 6, 6);
  return out.slice(0, 24);
}

function encodeItem(value: number): string {
  return `01${base32(value, 8)}${checksum(value)}`;
}

/** The id of item slot `index` (34 characters like ODfB's `01ABC…`). */
export const itemIdOf = (index: number) => encodeItem(index);
/** The id of a drive's root folder. */
export const rootIdOf = (drive: number) => encodeItem(ROOT_FLAG + drive);

/** Parses an item id: `{ item }` for an item slot, `{ root }` for a drive root, undefined otherwise. */
export function parseItemId(id: string): { item: number } | { root: number } | undefined {
  if (id.length !== 34 || !id.startsWith('01')) return undefined;
  let value = 0;
  for (const c of id.slice(2, 10)) {
    const digit = BASE32.indexOf(c);
    if (digit < 0) return undefined;
    value = value * 32 + digit;
  }
  if (id.slice(10) !== checksum(value)) return undefined;
  return value >= ROOT_FLAG ? { root: value - ROOT_FLAG } : { item: value };
}

/** `b!` + base64url of 32 bytes derived from the drive's site and list GUIDs. */
export function driveIdOf(siteCollectionId: string, listId: string): string {
  return `b!${Buffer.concat([guidBytes(siteCollectionId), guidBytes(listId)]).toString('base64url')}`;
}
