/** The export destination guard: which addresses are refused, and where file sinks may write. */
import { describe, expect, it } from 'vitest';
import { createDestinationGuard, isPrivateAddress } from '../../siem/destination-guard.ts';

describe('destination guard', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.9', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd00::5', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:8.8.8.8', false],
    ['8.8.8.8', false],
    ['2001:4860:4860::8888', false],
  ])('%s private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it('refuses names that resolve to loopback unless private sinks are allowed', async () => {
    await expect(createDestinationGuard({ allowPrivate: false }).check('localhost')).rejects.toThrow(
      /localhost resolves to .*PERISCOPE_ALLOW_PRIVATE_SINKS=1/,
    );
    await expect(createDestinationGuard({ allowPrivate: true }).check('localhost')).resolves.toBeUndefined();
  });

  it('keeps file sinks inside the export directory', () => {
    const guard = createDestinationGuard({ allowPrivate: false, fileRoot: '/var/lib/periscope/exports' });
    expect(() => guard.checkFile('/var/lib/periscope/exports/siem/findings.ndjson')).not.toThrow();
    for (const outside of [
      '/etc/cron.d/x',
      '/var/lib/periscope/exports/../db/x',
      '/var/lib/periscope/exports',
      'findings.ndjson',
    ])
      expect(() => guard.checkFile(outside), outside).toThrow(/PERISCOPE_EXPORT_DIR/);
    expect(() =>
      createDestinationGuard({ allowPrivate: false }).checkFile('/tmp/anywhere.ndjson'),
    ).not.toThrow();
  });
});
