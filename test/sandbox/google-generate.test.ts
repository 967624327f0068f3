import { describe, expect, it } from 'vitest';
import { fileIdOf, generateGoogleTenant } from '../../sandbox/index.ts';

describe('Google tenant generator', () => {
  it('is deterministic for a seed', () => {
    const now = new Date('2026-11-01T00:00:00Z');
    const a = generateGoogleTenant({ seed: 3, now, size: { users: 40, filesPerUser: 5 } });
    const b = generateGoogleTenant({ seed: 3, now, size: { users: 40, filesPerUser: 5 } });
    expect(b.users).toEqual(a.users);
    expect(b.files.get(123)).toEqual(a.files.get(123));
    expect([...b.grants]).toEqual([...a.grants]);
    expect(b.customerId).toBe(a.customerId);
  });

  it('holds 10,000 users and 1,000,000 files compactly, materialising files on demand', () => {
    const started = performance.now();
    const tenant = generateGoogleTenant({
      seed: 1,
      size: { users: 10_000, filesPerUser: 100, sharedDrives: 0 },
    });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(tenant.files.size).toBe(1_000_000);
    const last = tenant.files.get(999_999);
    expect(last?.id).toBe(fileIdOf(999_999));
    expect(last?.owner).toBe(9_999);
    expect(tenant.files.indexOf(fileIdOf(999_999))).toBe(999_999);
    expect(tenant.files.ownedRange(42)).toEqual({ start: 4200, end: 4300 });
  });
});
