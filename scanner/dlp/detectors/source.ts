/**
 * Source-code markers: a shebang line, an SPDX licence identifier, or the opening words of the
 * common licence headers (Apache, MIT, GPL). Cheap, explicit, and easy to explain in a finding;
 * code-density heuristics were left out on purpose (documented in the README of this folder).
 */
import { literalSeek } from '../seek.ts';
import type { Detector } from '../types.ts';

const HEADERS = [
  'Licensed under the Apache License',
  'Permission is hereby granted, free of charge',
  'This program is free software',
];
const PATTERN = [
  String.raw`^#![ \t]*\/[\w/.-]{1,60}(?:[ \t]+[\w.-]{1,30})?$`,
  String.raw`SPDX-License-Identifier:[ \t]*[A-Za-z0-9.+-]{2,64}`,
  ...HEADERS,
].join('|');

export const sourceCodeMarker: Detector = {
  id: 'source-code-marker',
  name: 'Source code marker (shebang, SPDX or licence header)',
  pattern: PATTERN,
  // An alternation of a shebang and long literals: V8 tries it at every position, indexOf does not.
  seek: literalSeek(PATTERN, ['#!', 'SPDX-License-Identifier:', ...HEADERS]),
  confidence: 'high',
  mask: {
    kind: 'label',
    label: (v) => (v.startsWith('#!') ? 'shebang' : v.startsWith('SPDX') ? 'SPDX header' : 'licence header'),
  },
};
