// Brute-force limit for the routes that take a secret (admin login, invite preview, join): per
// client address, at most `maxFailures` failed attempts in a sliding window of `windowMs`. Past
// that the address gets 429 with Retry-After until its oldest failure leaves the window. Successes
// are not counted, so the admin who types the token right is never held back by earlier typos for
// longer than the window, and an attacker elsewhere cannot lock anyone out. Attempts running at
// once are bounded too (`maxConcurrent`), so a burst of parallel guesses gets at most that many
// tries before its failures count: at most maxFailures + maxConcurrent - 1 guesses per window. A
// room of people behind one address who join at once are not held back.
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { httpError } from '../http-error.ts';

export interface AttemptLimits {
  /** Failed attempts per address within the window; the next one is refused. */
  maxFailures: number;
  windowMs: number;
  /** Attempts from one address running at once; the next one is refused until one ends. */
  maxConcurrent: number;
}

export const DEFAULT_ATTEMPT_LIMITS: AttemptLimits = { maxFailures: 10, windowMs: 60_000, maxConcurrent: 32 };

/** Addresses remembered at once; past this the longest-remembered one is forgotten. */
const MAX_ADDRESSES = 10_000;

interface AddressRecord {
  failures: number[];
  running: number;
}

export type Attempt = { ok: true; finish(succeeded: boolean): void } | { ok: false; retryAfterMs: number };

export class AttemptLimiter {
  private readonly records = new Map<string, AddressRecord>();

  constructor(
    private readonly limits: AttemptLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts an attempt from `address`, or refuses it with the time until one is allowed again. */
  begin(address: string): Attempt {
    const now = this.now();
    const record = this.recordOf(address, now);
    if (record.failures.length >= this.limits.maxFailures) {
      return { ok: false, retryAfterMs: Math.max(1_000, record.failures[0]! + this.limits.windowMs - now) };
    }
    // Attempts still running end within a request's time.
    if (record.running >= this.limits.maxConcurrent) return { ok: false, retryAfterMs: 1_000 };
    record.running++;
    let finished = false;
    return {
      ok: true,
      finish: (succeeded) => {
        if (finished) return;
        finished = true;
        record.running--;
        if (!succeeded) record.failures.push(this.now());
        if (record.failures.length === 0 && record.running === 0) this.records.delete(address);
      },
    };
  }

  private recordOf(address: string, now: number): AddressRecord {
    let record = this.records.get(address);
    if (record) {
      const cutoff = now - this.limits.windowMs;
      while (record.failures.length > 0 && record.failures[0]! <= cutoff) record.failures.shift();
      return record;
    }
    if (this.records.size >= MAX_ADDRESSES) this.forgetOne(now);
    record = { failures: [], running: 0 };
    this.records.set(address, record);
    return record;
  }

  // Expired records go first; when there are none, the oldest entry (insertion order) goes.
  private forgetOne(now: number): void {
    const cutoff = now - this.limits.windowMs;
    for (const [address, record] of this.records) {
      if (record.running === 0 && (record.failures.at(-1) ?? 0) <= cutoff) {
        this.records.delete(address);
        return;
      }
    }
    const first = this.records.keys().next();
    if (!first.done) this.records.delete(first.value);
  }
}

/**
 * The key an address is limited under: IPv4 as is, IPv6 by its /64 (one subscriber usually holds a
 * whole /64, so counting single addresses would give an attacker 2^64 tries).
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not served by @hono/node-server (app.request in a test)
  }
}

/** Counts an answer of 401 (wrong token or invite) as a failure; anything else is no guess. */
export function limitFailedAttempts(limiter: AttemptLimiter): MiddlewareHandler {
  return async function limitFailedAttempts(c, next) {
    const attempt = limiter.begin(addressKey(clientAddress(c)));
    if (!attempt.ok) {
      const seconds = Math.ceil(attempt.retryAfterMs / 1000);
      const error = httpError(429, 'too-many-attempts', `Too many failed attempts from your address; try again in ${seconds} s.`);
      error.res?.headers.set('retry-after', String(seconds));
      throw error;
    }
    try {
      await next();
    } finally {
      attempt.finish(c.res.status !== 401);
    }
  };
}
