/**
 * Engine search paths that must find exactly what a plain per-pattern regex scan finds: the
 * digit-run scan group, the literal seek of source-code markers, and keyword windows.
 */
import { describe, expect, it } from 'vitest';
import { builtInDetectors } from '../../scanner/dlp/detectors/index.ts';
import { sourceCodeMarker } from '../../scanner/dlp/detectors/source.ts';
import { compileDetectors, scanBuffer } from '../../scanner/dlp/engine.ts';
import { createDlpScanner, findMatches } from '../../scanner/dlp/index.ts';
import { keywords } from '../../scanner/dlp/regex-util.ts';
import type { Detector, RawMatch } from '../../scanner/dlp/types.ts';

function scan(detectors: Detector[], text: string): RawMatch[] {
  const out: RawMatch[] = [];
  scanBuffer(compileDetectors(detectors), text, 0, text.length, 0, out);
  return out.sort((a, b) => a.start - b.start || a.detectorId.localeCompare(b.detectorId));
}

/** The registry as plain regexes: no scan groups, no custom seeks. */
const plain = builtInDetectors.map(({ scanGroup: _g, seek: _s, ...d }) => d as Detector);

/** Deterministic text dense in digit runs, valid values, keywords and near-misses. */
function digitSoup(seed: number, tokens: number): string {
  let x = seed;
  const rand = (n: number) => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x % n;
  };
  const values = ['4111111111111111', '4111 1111 1111 1111', '123-45-6788', '123456788', '011000015'];
  const more = ['1234567893', '(415) 555-2671', '+1 415 555 2671', '415.555.2671', '87654321X', 'X1234567L'];
  const words = 'ssn card routing npi phone dni provider tel: the order - ( + 0 12 999 2024-11-05 3.14159';
  const pieces = [...values, ...more, '12345678Z', '\n', '  ', ...words.split(' ')];
  const seps = [' ', ' ', '', '-', '\n', ', '];
  let s = '';
  for (let i = 0; i < tokens; i++) {
    s += pieces[rand(pieces.length)]! + seps[rand(seps.length)]!;
    if (rand(5) === 0) s += String(rand(1e9));
  }
  return s;
}

describe('DLP engine search paths', () => {
  it('the digit-run scan group finds exactly what one regex per pattern finds', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const text = digitSoup(seed, 4000);
      expect(scan([...builtInDetectors], text)).toEqual(scan(plain, text));
    }
  });

  it('the digit-run scan group still reports each of its detectors', () => {
    const text = [
      'card 4111 1111 1111 1111',
      'SSN 123-45-6788',
      'routing number 011000015',
      'NPI 1234567893',
      'phone (415) 555-2671',
      'DNI 87654321X',
    ].join('\n');
    const ids = findMatches(createDlpScanner({}), text).map((m) => m.detectorId);
    expect(ids).toEqual(['payment-card', 'us-ssn', 'us-aba-routing', 'us-npi', 'phone', 'es-dni-nie']);
  });

  it('source-code markers found with indexOf match the regex', () => {
    const text = [
      '#!/usr/bin/env node',
      'x #!/bin/sh not at a line start',
      '#!/bin/bash -e',
      '#! not a path',
      'SPDX-License-Identifier: x', // too short an id
      '// SPDX-License-Identifier: MIT',
      ' * Licensed under the Apache License, Version 2.0',
      'Permission is hereby granted, free of charge, to any person',
      'This program is free software: you can redistribute it',
      '\r\n#!/usr/bin/python3\r\n',
    ].join('\n');
    const re = new RegExp(sourceCodeMarker.pattern, 'gm');
    const expected = [...text.matchAll(re)].map((m) => [m.index, m[0]]);
    const found: Array<[number, string]> = [];
    for (let m = sourceCodeMarker.seek!(text, 0); m; m = sourceCodeMarker.seek!(text, m.index + m[0].length))
      found.push([m.index, m[0]]);
    expect(found).toEqual(expected);
    expect(found.length).toBe(7);
    // A second buffer (and a rescan of the first) starts afresh.
    expect(sourceCodeMarker.seek!('no markers', 0)).toBeNull();
    expect(sourceCodeMarker.seek!(text, 0)?.index).toBe(0);
  });

  it('keyword windows: before within the window, a few characters after, not beyond', () => {
    const d: Detector = {
      id: 'ten-digits',
      name: 'ten digits',
      pattern: String.raw`\b\d{10}\b`,
      context: { keywords: keywords('acct'), required: true, window: 20 },
      confidence: 'medium',
      mask: { kind: 'tail' },
    };
    const hit = (text: string) => scan([d], text).length;
    const v = '5550001111';
    expect(hit(`acct${' '.repeat(16)}${v}`)).toBe(1); // keyword starts exactly `window` before
    expect(hit(`acct${' '.repeat(17)}${v}`)).toBe(0);
    expect(hit(`${v}${' '.repeat(31)}acct`)).toBe(1); // starts before end + 32
    expect(hit(`${v}${' '.repeat(32)}acct`)).toBe(0);
    expect(hit(`xacct${' '.repeat(15)}${v}`)).toBe(0); // \b sees the character before the window
    // Many candidates sharing windows, keyword only near some of them.
    const text = Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? `acct ${v}` : `${v}`)).join(' ');
    const plainKeywords = [...text.matchAll(/\bacct/gi)].map((m) => m.index);
    const expected = [...text.matchAll(/\b\d{10}\b/g)].filter((m) =>
      plainKeywords.some((k) => k >= m.index - 20 && k < m.index + 10 + 32),
    ).length;
    expect(hit(text)).toBe(expected);
    expect(expected).toBeGreaterThan(43);
  });
});
