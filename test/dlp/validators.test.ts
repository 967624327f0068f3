import { describe, expect, it } from 'vitest';
import { maskCredential, maskTail } from '../../scanner/dlp/mask.ts';
import { isValidCard } from '../../scanner/dlp/validators/cards.ts';
import {
  isValidAbaRouting,
  isValidDniNie,
  isValidNino,
  isValidNpi,
  isValidSsn,
  luhn,
} from '../../scanner/dlp/validators/checksums.ts';
import { shannonEntropy } from '../../scanner/dlp/validators/entropy.ts';

describe('validators', () => {
  it.each([
    ['123-45-6788', true],
    ['123 45 6788', true],
    ['123456788', true],
    ['000-12-3456', false],
    ['666-12-3456', false],
    ['900-12-3456', false],
    ['999-12-3456', false],
    ['123-00-4567', false],
    ['123-45-0000', false],
    ['123-45 6788', false],
    ['078-05-1120', false],
  ])('SSN %s → %s', (v, ok) => expect(isValidSsn(v)).toBe(ok));

  it.each([
    ['4111 1111 1111 1111', true], // Visa
    ['5555555555554444', true], // Mastercard 51-55
    ['2223003122003222', true], // Mastercard 2-series
    ['378282246310005', true], // Amex
    ['3782 822463 10005', true],
    ['6011111111111117', true], // Discover
    ['3530111333300000', true], // JCB
    ['30569309025904', true], // Diners
    ['6200000000000005', true], // UnionPay
    ['4111 1111 1111 1112', false], // Luhn
    ['1234567812345670', false], // no issuer starts with 1
    ['7111111111111111', false],
    ['4111-1111 1111-1111', false], // mixed separators
    ['3782822463100050', false], // Amex prefix, wrong length
  ])('card %s → %s', (v, ok) => expect(isValidCard(v)).toBe(ok));

  it.each([
    ['021000021', true],
    ['011000015', true],
    ['021000022', false],
    ['991000021', false], // not a Fed prefix
    ['000000000', false],
  ])('ABA %s → %s', (v, ok) => expect(isValidAbaRouting(v)).toBe(ok));

  it.each([
    ['1245319599', true],
    ['1234567893', true],
    ['1245319598', false],
    ['3245319599', false],
  ])('NPI %s → %s', (v, ok) => expect(isValidNpi(v)).toBe(ok));

  it.each([
    ['12345679S', true],
    ['X1234567L', true],
    ['Y1234567X', true],
    ['12345679T', false],
    ['12345678Z', false], // textbook example
    ['X12345678L', false],
  ])('DNI/NIE %s → %s', (v, ok) => expect(isValidDniNie(v)).toBe(ok));

  it.each([
    ['AB123456C', true],
    ['AB 12 34 56 C', true],
    ['GB123456A', false],
    ['ZZ123456A', false],
    ['DA123456A', false],
    ['AB123456E', false],
    ['QQ123456C', false],
  ])('NINO %s → %s', (v, ok) => expect(isValidNino(v)).toBe(ok));

  it('Luhn and entropy', () => {
    expect(luhn('79927398713')).toBe(true);
    expect(luhn('79927398710')).toBe(false);
    expect(shannonEntropy('aaaaaaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
});

describe('masking', () => {
  it('keeps separators and the last four at most', () => {
    expect(maskTail('123-45-6789')).toBe('***-**-6789');
    expect(maskTail('4111 1111 1111 1111')).toBe('**** **** **** 1111');
    expect(maskTail('E11.9')).toBe('***.*');
    expect(maskCredential('ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xYa1b2', /^ghp_/)).toBe('ghp_…a1b2');
  });
});
