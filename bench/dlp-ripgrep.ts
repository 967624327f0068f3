/**
 * ripgrep as the DLP benchmark's baseline: installed from Debian's `ripgrep` package when absent,
 * then run single-threaded over the corpus counting matches of a regex set.
 */
import { spawnSync } from 'node:child_process';

export type Ripgrep =
  | { available: true; version: string; installed: boolean }
  | { available: false; reason: string };

function version(): string | undefined {
  const result = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\n')[0]?.trim() : undefined;
}

function apt(args: string[]): { ok: boolean; output: string } {
  const result = spawnSync('apt-get', args, {
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return { ok: result.status === 0, output: `${result.error?.message ?? ''}${result.stderr ?? ''}`.trim() };
}

/** `rg` on PATH, else `apt-get install -y ripgrep` (after `apt-get update` if the first try fails). */
export function ensureRipgrep(): Ripgrep {
  const present = version();
  if (present) return { available: true, version: present, installed: false };
  let attempt = apt(['install', '-y', '--no-install-recommends', 'ripgrep']);
  if (!attempt.ok) {
    apt(['update']);
    attempt = apt(['install', '-y', '--no-install-recommends', 'ripgrep']);
  }
  const after = version();
  if (after) return { available: true, version: after, installed: true };
  const reason = attempt.output.split('\n').slice(-2).join(' ') || 'apt-get failed';
  return { available: false, reason: `rg not on PATH and apt-get install ripgrep failed: ${reason}` };
}

/** One single-threaded `rg --count-matches` over `paths`; the matches summed over files and the wall time. */
export function ripgrepCount(
  patterns: readonly string[],
  paths: readonly string[],
  extraArgs: readonly string[] = [],
): { matches: number; ms: number } {
  const args = ['--no-config', '--count-matches', '--no-filename', '--threads', '1', ...extraArgs];
  for (const pattern of patterns) args.push('-e', pattern);
  args.push('--', ...paths);
  const started = performance.now();
  const result = spawnSync('rg', args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const ms = performance.now() - started;
  // Exit status 1 means "no match", which is a valid count of zero.
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`rg exited ${result.status}: ${result.stderr || result.error?.message}`);
  }
  const matches = result.stdout
    .split('\n')
    .filter(Boolean)
    .reduce((sum, line) => sum + Number(line), 0);
  return { matches, ms };
}
