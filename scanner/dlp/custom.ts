/**
 * Tenant-defined profiles. Their regexes come from policy, so they are compiled with re2js (RE2
 * semantics, linear time): a pattern like `(a+)+$` cannot hang a worker. Patterns RE2 rejects
 * (backreferences, lookaround) fail at compile time with the profile and pattern named.
 */
import { RE2JS } from 're2js';
import { PeriscopeError } from '../errors.ts';
import { maskTail } from './mask.ts';
import { escapeRegex } from './regex-util.ts';
import type { RawMatch } from './types.ts';

export interface CustomProfile {
  id: string;
  name: string;
  patterns: string[];
  keywords: string[];
  threshold: number;
}

export interface CompiledCustomProfile {
  profile: CustomProfile;
  detectorId: string;
  keywordDetectorId: string;
  patterns: RE2JS[];
  keywords: RegExp | null;
}

export function compileCustomProfile(profile: CustomProfile): CompiledCustomProfile {
  if (!Number.isFinite(profile.threshold) || profile.threshold < 1) {
    throw new PeriscopeError('config_invalid', `DLP profile "${profile.id}": threshold must be at least 1`, {
      profileId: profile.id,
    });
  }
  if (profile.patterns.length === 0 && profile.keywords.length === 0) {
    throw new PeriscopeError('config_invalid', `DLP profile "${profile.id}": needs a pattern or a keyword`, {
      profileId: profile.id,
    });
  }
  const patterns = profile.patterns.map((pattern) => {
    try {
      return RE2JS.compile(pattern);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new PeriscopeError(
        'config_invalid',
        `DLP profile "${profile.id}" (${profile.name}): pattern ${JSON.stringify(pattern)} is not a valid RE2 regular expression: ${reason}`,
        { profileId: profile.id, pattern },
        { cause: err },
      );
    }
  });
  // Keywords are literals, escaped into a native regex: no tenant-controlled regex syntax reaches V8.
  const words = profile.keywords.filter((k) => k.length > 0);
  const keywords = words.length > 0 ? new RegExp(words.map(escapeRegex).join('|'), 'gi') : null;
  return {
    profile,
    detectorId: `custom:${profile.id}`,
    keywordDetectorId: `custom:${profile.id}:keyword`,
    patterns,
    keywords,
  };
}

/** Same acceptance window as the built-in pass, so chunk overlaps never count a match twice. */
export function scanCustom(
  c: CompiledCustomProfile,
  text: string,
  acceptFrom: number,
  acceptTo: number,
  offset: number,
  out: RawMatch[],
): void {
  for (const re of c.patterns) {
    const m = re.matcher(text);
    while (m.find()) {
      const s = m.start();
      if (s >= acceptTo) break;
      const e = m.end();
      if (s < acceptFrom || e === s) continue;
      out.push({
        detectorId: c.detectorId,
        start: s + offset,
        end: e + offset,
        confidence: 'medium',
        // Long matches get no hint: their last characters could be anything the tenant's regex spans.
        hint: e - s <= 256 ? maskTail(text.slice(s, e)) : null,
      });
    }
  }
  if (c.keywords) {
    const kw = c.keywords;
    kw.lastIndex = acceptFrom;
    for (let m = kw.exec(text); m !== null && m.index < acceptTo; m = kw.exec(text)) {
      out.push({
        detectorId: c.keywordDetectorId,
        start: m.index + offset,
        end: m.index + m[0].length + offset,
        confidence: 'low',
        hint: null,
      });
    }
  }
}
