import { describe, expect, it } from 'vitest';
import { parseExpiry, parseRole, parseToken } from './access-requests.ts';
import { parseDisplayName } from './display-name.ts';

describe('access request validation', () => {
  it('trims display names and collapses inner spaces', () => {
    expect(parseDisplayName('  Anna   de  Vries ')).toEqual({ ok: true, value: 'Anna de Vries' });
    expect(parseDisplayName('Zoë 👩🏽‍💻')).toEqual({ ok: true, value: 'Zoë 👩🏽‍💻' });
  });

  it('counts characters, not UTF-16 units, against the 60-character limit', () => {
    expect(parseDisplayName('😀'.repeat(60)).ok).toBe(true);
    expect(parseDisplayName('😀'.repeat(61)).ok).toBe(false);
    expect(parseDisplayName('a'.repeat(60)).ok).toBe(true);
  });

  it('refuses empty names, non-strings, control characters and bidi overrides', () => {
    for (const value of ['', '   ', undefined, null, 42, ['a'], 'tab\there', 'new\nline', 'nul\u0000', 'c1\u0085', 'rtl\u202Eoverride', 'iso\u2066late']) {
      expect(parseDisplayName(value).ok, JSON.stringify(value)).toBe(false);
    }
  });

  it('accepts exactly the three roles', () => {
    expect(['viewer', 'editor', 'chair'].map((role) => parseRole(role).ok)).toEqual([true, true, true]);
    for (const value of ['admin', 'Chair', '', null, 1]) expect(parseRole(value).ok).toBe(false);
  });

  it('turns expiresInHours into a moment, absent meaning no expiry', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(parseExpiry(undefined, now)).toEqual({ ok: true, value: null });
    expect(parseExpiry(1.5, now)).toEqual({ ok: true, value: new Date('2026-01-01T01:30:00Z') });
    for (const value of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 24 * 367, '2', true]) expect(parseExpiry(value, now).ok).toBe(false);
  });

  it('takes tokens as non-empty strings of bounded length', () => {
    expect(parseToken('abc', 'token').ok).toBe(true);
    for (const value of ['', 'x'.repeat(513), 5, null]) expect(parseToken(value, 'token').ok).toBe(false);
  });
});
