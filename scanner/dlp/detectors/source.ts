/**
 * Source-code markers: a shebang line, an SPDX licence identifier, or the opening words of the
 * common licence headers (Apache, MIT, GPL). Cheap, explicit, and easy to explain in a finding;
 * code-density heuristics were left out on purpose (documented in the README of this folder).
 */
import type { Detector } from '../types.ts';

export const sourceCodeMarker: Detector = {
  id: 'source-code-marker',
  name: 'Source code marker (shebang, SPDX or licence header)',
  pattern: String.raw`^#![ \t]*\/[\w/.-]{1,60}(?:[ \t]+[\w.-]{1,30})?$|SPDX-License-Identifier:[ \t]*[A-Za-z0-9.+-]{2,64}|Licensed under the Apache License|Permission is hereby granted, free of charge|This program is free software`,
  confidence: 'high',
  mask: {
    kind: 'label',
    label: (v) => (v.startsWith('#!') ? 'shebang' : v.startsWith('SPDX') ? 'SPDX header' : 'licence header'),
  },
};
