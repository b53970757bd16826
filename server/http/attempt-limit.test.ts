import { describe, expect, it } from 'vitest';
import { addressKey, AttemptLimiter } from './attempt-limit.ts';

describe('attempt limiter', () => {
  const clock = () => {
    let now = 1_000_000;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };

  it('refuses past maxFailures within the window, until the oldest failure leaves it', () => {
    const time = clock();
    const limiter = new AttemptLimiter({ maxFailures: 2, windowMs: 10_000, maxConcurrent: 32 }, time.now);
    const fail = () => {
      const attempt = limiter.begin('a');
      if (attempt.ok) attempt.finish(false);
      return attempt.ok;
    };
    expect(fail()).toBe(true);
    time.advance(4_000);
    expect(fail()).toBe(true);
    expect(limiter.begin('a')).toEqual({ ok: false, retryAfterMs: 6_000 });
    expect(limiter.begin('b').ok).toBe(true);
    time.advance(6_000);
    expect(limiter.begin('a').ok).toBe(true);
  });

  it('does not count successes, and bounds the attempts running at once', () => {
    const limiter = new AttemptLimiter({ maxFailures: 2, windowMs: 10_000, maxConcurrent: 3 }, clock().now);
    for (let i = 0; i < 5; i++) {
      const attempt = limiter.begin('a');
      expect(attempt.ok).toBe(true);
      if (attempt.ok) attempt.finish(true);
    }
    const running = [limiter.begin('a'), limiter.begin('a'), limiter.begin('a')];
    expect(running.map((attempt) => attempt.ok)).toEqual([true, true, true]);
    expect(limiter.begin('a')).toEqual({ ok: false, retryAfterMs: 1_000 });
    const [first] = running;
    if (first?.ok) first.finish(true);
    expect(limiter.begin('a').ok).toBe(true);
  });

  it('limits IPv6 clients by their /64, IPv4 (also mapped) by address', () => {
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});
