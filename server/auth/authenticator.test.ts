import { describe, expect, it } from 'vitest';
import { presentedToken, readCookie } from './authenticator.ts';

describe('presented credentials', () => {
  it('reads a bearer token, whatever the case of the scheme', () => {
    expect(presentedToken({ authorization: 'Bearer abc' })).toBe('abc');
    expect(presentedToken({ authorization: 'bearer  abc ' })).toBe('abc');
  });

  it('prefers the bearer token over the cookie, and falls back to the cookie otherwise', () => {
    expect(presentedToken({ authorization: 'Bearer abc', cookie: 'planbord_session=def' })).toBe('abc');
    expect(presentedToken({ authorization: 'Basic abc', cookie: 'planbord_session=def' })).toBe('def');
    expect(presentedToken({ cookie: 'theme=dark; planbord_session=def; x=1' })).toBe('def');
  });

  it('finds no token in malformed, empty or oversized values', () => {
    expect(presentedToken({})).toBeNull();
    expect(presentedToken({ authorization: 'Bearer' })).toBeNull();
    expect(presentedToken({ authorization: 'Bearer a b' })).toBeNull();
    expect(presentedToken({ authorization: `Bearer ${'x'.repeat(513)}` })).toBeNull();
    expect(presentedToken({ cookie: 'planbord_session=' })).toBeNull();
    expect(presentedToken({ cookie: 'xplanbord_session=abc' })).toBeNull();
  });

  it('treats a malformed %-escape in the cookie as no credential', () => {
    expect(readCookie('planbord_session=%E0%A4%A', 'planbord_session')).toBeNull();
    expect(readCookie('planbord_session=a%2Db', 'planbord_session')).toBe('a-b');
  });
});
