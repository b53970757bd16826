// Attack: a member whose access ended kept reading the board's live totals. The totals event stream
// stayed open and kept delivering after the member's invite was revoked, after the member was
// removed, after logout and after the session expired. Each must end the stream within moments;
// session expiry must also close the member's WebSocket (revocation and logout already did).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { testDrivers } from '../../db/test-databases.ts';
import { hashToken } from '../auth/tokens.ts';
import { startTestPlanbord, type TestPlanbord } from '../test-planbord.ts';

const SLOW = 90_000;
const BOARD = 'gdi-2025';
/** Far longer than the second the stream has, so the test fails by not ending, not by being slow. */
const ENDS_WITHIN_MS = 5_000;

interface OpenStream {
  /** Resolves to everything received once the server ends the stream, or null if it has not by the deadline. */
  ended(): Promise<string | null>;
  cancel(): Promise<void>;
}

describe.each(testDrivers().filter((driver) => driver.available))('open streams end with access on $name', (driver) => {
  let server: TestPlanbord;

  beforeAll(async () => {
    server = await startTestPlanbord(driver, { sessionExpiryCheckMs: 100 });
  }, SLOW);
  afterAll(async () => {
    await server?.stop();
  }, SLOW);

  async function openTotalsStream(token: string): Promise<OpenStream> {
    const response = await server.api(`/api/boards/${BOARD}/totals/stream`, { token });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    // The first totals event arrives on connect: the stream is live before the access changes.
    while (!received.includes('event: totals')) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error('the stream ended before its first event');
      received += decoder.decode(chunk.value, { stream: true });
    }
    let finished = false;
    const reading = (async () => {
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
        if (chunk.done) break;
        received += decoder.decode(chunk.value, { stream: true });
      }
      finished = true;
    })();
    return {
      async ended() {
        await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, ENDS_WITHIN_MS))]);
        return finished ? received : null;
      },
      cancel: () => reader.cancel().catch(() => {}),
    };
  }

  async function openSocket(token: string): Promise<{ closed: Promise<number> }> {
    const socket = new WebSocket(`${server.syncUrl}/${BOARD}`, { headers: { authorization: `Bearer ${token}` } });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return { closed };
  }

  const withinDeadline = <T>(promise: Promise<T>) =>
    Promise.race([promise, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), ENDS_WITHIN_MS))]);

  it('ends the stream, with a last "closed" event, when the invite the member joined through is revoked', async () => {
    const member = await server.join(BOARD, 'viewer', 'Ingrid');
    const stream = await openTotalsStream(member.token);
    expect((await server.api(`/api/boards/${BOARD}/invites/${member.inviteId}`, { method: 'DELETE' })).status).toBe(200);
    const received = await stream.ended();
    await stream.cancel();
    expect(received, 'stream still open after the invite was revoked').not.toBeNull();
    expect(received).toContain('event: closed');
    expect(received).toContain('"error":"forbidden"');
  });

  it('ends the stream when the member is removed', async () => {
    const member = await server.join(BOARD, 'editor', 'Rik');
    const stream = await openTotalsStream(member.token);
    expect((await server.api(`/api/boards/${BOARD}/members/${member.memberId}`, { method: 'DELETE' })).status).toBe(200);
    const received = await stream.ended();
    await stream.cancel();
    expect(received, 'stream still open after the member was removed').not.toBeNull();
  });

  it('ends the stream when the member logs out', async () => {
    const member = await server.join(BOARD, 'viewer', 'Lotte');
    const stream = await openTotalsStream(member.token);
    expect((await server.api('/api/logout', { method: 'POST', token: member.token })).status).toBe(200);
    const received = await stream.ended();
    await stream.cancel();
    expect(received, 'stream still open after logout').not.toBeNull();
    expect(received).toContain('"error":"unauthenticated"');
  });

  it('ends the stream and closes the WebSocket when the session expires', async () => {
    const member = await server.join(BOARD, 'editor', 'Sanne');
    const stream = await openTotalsStream(member.token);
    const socket = await openSocket(member.token);
    await server.database.query(
      `update sessions set expires_at = now() + interval '300 milliseconds' where token_hash = '${hashToken(member.token)}'`,
    );
    const received = await stream.ended();
    await stream.cancel();
    expect(received, 'stream still open after the session expired').not.toBeNull();
    expect(await withinDeadline(socket.closed)).toBe(4401);
    expect((await server.api('/api/me', { token: member.token })).status).toBe(401);
  });

  it('keeps the streams of others open, and a role change does not end a stream', async () => {
    const leaving = await server.join(BOARD, 'viewer', 'Vertrekker');
    const staying = await server.join(BOARD, 'editor', 'Blijver');
    const stream = await openTotalsStream(staying.token);
    expect((await server.api(`/api/boards/${BOARD}/members/${leaving.memberId}`, { method: 'DELETE' })).status).toBe(200);
    expect((await server.api(`/api/boards/${BOARD}/members/${staying.memberId}`, { method: 'PATCH', json: { role: 'viewer' } })).status).toBe(200);
    const settled = await Promise.race([stream.ended(), new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), 500))]);
    expect(settled).toBe('open');
    await stream.cancel();
  });
});
