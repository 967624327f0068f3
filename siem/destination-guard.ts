/**
 * SSRF guard for export destinations: a tenant admin must not be able to point a sink at the
 * installation's own network (metadata services, databases, admin ports). Names are resolved and
 * every address checked, both when a sink is added and on every connection (through `lookup`),
 * so a DNS answer that changes later (rebinding) is caught too. PERISCOPE_ALLOW_PRIVATE_SINKS=1
 * lifts the rule for installations whose SIEM lives on a private network (and for tests).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { isAbsolute, relative, resolve } from 'node:path';
import { PeriscopeError } from '../scanner/errors.ts';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True when `address` (an IP literal) is private, loopback, link-local or unspecified. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return blocked.check(address, 'ipv4');
}

export interface DestinationGuard {
  readonly allowPrivate: boolean;
  /** Resolves `host` and throws config_invalid naming it when any address is refused. */
  check(host: string): Promise<void>;
  /** A `lookup` for net/tls/undici connections that refuses the same addresses. */
  lookup: LookupFunction;
  /** Throws config_invalid unless `path` lies inside the export directory (when one is set). */
  checkFile(path: string): void;
}

export interface GuardOptions {
  allowPrivate: boolean;
  /**
   * The only directory file sinks may write in (PERISCOPE_EXPORT_DIR), so a tenant admin cannot
   * point one at the worker's own files. Unset: any absolute path (library and test use).
   */
  fileRoot?: string;
}

export function createDestinationGuard(options: GuardOptions): DestinationGuard {
  const refuse = (host: string, address: string) =>
    new PeriscopeError(
      'config_invalid',
      `export destination ${host} resolves to ${address}, a private, loopback or link-local address; set PERISCOPE_ALLOW_PRIVATE_SINKS=1 to allow it`,
      { host, address },
    );

  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const list = addresses;
      if (!options.allowPrivate) {
        const bad = list.find((a) => isPrivateAddress(a.address));
        if (bad) return callback(refuse(hostname, bad.address) as NodeJS.ErrnoException, '', 0);
      }
      if (lookupOptions.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };

  return {
    allowPrivate: options.allowPrivate,
    lookup,
    checkFile(path) {
      if (!options.fileRoot) return;
      const root = resolve(options.fileRoot);
      const inside = relative(root, resolve(path));
      if (!isAbsolute(path) || inside === '' || inside.startsWith('..') || isAbsolute(inside))
        throw new PeriscopeError(
          'config_invalid',
          `export files must be written inside ${root} (PERISCOPE_EXPORT_DIR); ${path} is not`,
          {
            path,
          },
        );
    },
    check(host) {
      return new Promise((resolve, reject) => {
        lookup(host, { all: true }, (error) => {
          if (!error) return resolve();
          if (error instanceof PeriscopeError) return reject(error);
          reject(
            new PeriscopeError(
              'config_invalid',
              `export destination ${host} does not resolve: ${error.code ?? error.message}`,
              { host },
            ),
          );
        });
      });
    },
  };
}
