import { createRequire } from 'node:module';
import { cookieValue, unsignCookie } from './session-reader';

// express-session's own signer (a dependency of it, without type declarations).
const signature = createRequire(__filename)('cookie-signature') as {
  sign(value: string, secret: string): string;
};

describe('session cookie reading (the format express-session writes)', () => {
  const secret = 'a-session-secret-for-this-test';

  it('accepts exactly what cookie-signature (express-session) signs, and nothing altered', () => {
    const signed = signature.sign('abc123-session-id', secret);
    expect(unsignCookie(signed, secret)).toBe('abc123-session-id');
    expect(unsignCookie(signed, 'another-secret')).toBe(false);
    expect(unsignCookie(`${signed}x`, secret)).toBe(false);
    expect(unsignCookie(signed.replace('abc123', 'abc124'), secret)).toBe(false);
    expect(unsignCookie('no-signature-at-all', secret)).toBe(false);
    expect(unsignCookie('.onlysignature', secret)).toBe(false);
  });

  it('finds one cookie in a header and decodes it like the cookie package', () => {
    const value = `s:${signature.sign('sid-1', secret)}`;
    const header = `theme=dark; scalemap.sid=${encodeURIComponent(value)}; other=1`;
    expect(cookieValue(header, 'scalemap.sid')).toBe(value);
    expect(cookieValue('scalemap.sid="quoted"', 'scalemap.sid')).toBe('quoted');
    expect(cookieValue('a=1; scalemap.sid=first; scalemap.sid=second', 'scalemap.sid')).toBe('first');
    expect(cookieValue('xscalemap.sid=1', 'scalemap.sid')).toBeUndefined();
    expect(cookieValue('scalemap.sid=%E0%A4%A', 'scalemap.sid')).toBeUndefined();
    expect(cookieValue(undefined, 'scalemap.sid')).toBeUndefined();
  });
});
