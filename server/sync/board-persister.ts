// Writes every update a board accepts to its update log in the database, batched (a batch leaves
// within FLUSH_DELAY_MS of its first update), one log row per author in a batch. Every update gets
// a ticket, in order; after each commit the persister reports the ticket it has committed through,
// which is what "saved" means. Now and then, and when the
// board closes, the log is folded into the board's state row. If the database fails, updates stay
// queued in memory, nothing is reported as saved, and writing is retried with backoff.
import * as Y from 'yjs';
import type { BoardStore } from '../../db/board-store.ts';
import type { Logger } from '../log.ts';

export const FLUSH_DELAY_MS = 50;
/** The log never holds more rows than this for an open board (plus what one batch writes). */
export const COMPACT_AFTER_ROWS = 500;
const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5_000;

export interface PersisterOptions {
  boardId: string;
  doc: Y.Doc;
  store: BoardStore;
  /** Rows already in the log after the stored state (from the load). */
  loggedRows: number;
  /** The highest log seq of the load (0 if none). */
  lastSeq: number;
  /** Every update with a ticket up to `committedThrough` is committed. */
  onSaved(committedThrough: number): void;
  onHealth(healthy: boolean): void;
  log: Logger;
}

interface Pending {
  update: Uint8Array;
  author: string;
}

export class BoardPersister {
  private pending: Pending[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> | null = null;
  private failures = 0;
  private loggedRows: number;
  private lastSeq: number;
  private closed = false;
  private queued = 0;
  private committed = 0;
  private writeStarted: number | null = null;

  constructor(private readonly options: PersisterOptions) {
    this.loggedRows = options.loggedRows;
    this.lastSeq = options.lastSeq;
  }

  get healthy(): boolean {
    return this.failures === 0;
  }

  /** The ticket of the last update queued: updates are numbered 1, 2, ... as they are added. */
  get queuedThrough(): number {
    return this.queued;
  }

  /** Every update with a ticket up to this is committed. */
  get committedThrough(): number {
    return this.committed;
  }

  /** When the write in flight began (Date.now()), or null when none is: for the readiness probe. */
  get writeStartedAt(): number | null {
    return this.writeStarted;
  }

  get hasPending(): boolean {
    return this.pending.length > 0 || this.writing !== null;
  }

  /** Queues an update the board accepted; `author` is who made it (a user id, 'migration', ...). */
  add(update: Uint8Array, author: string): void {
    this.pending.push({ update, author });
    this.queued++;
    if (!this.timer && !this.writing) this.schedule(FLUSH_DELAY_MS);
  }

  private schedule(delay: number): void {
    if (this.closed && delay > 0) delay = Math.min(delay, RETRY_MAX_MS);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.write();
    }, delay);
  }

  /** Writes what is queued; resolves when that batch is committed or has failed (and is requeued). */
  private write(): Promise<void> {
    if (this.writing) return this.writing;
    if (this.pending.length === 0) return Promise.resolve();
    const batch = this.pending;
    this.pending = [];
    // A failed batch goes back to the front of the queue, so every ticket issued until now is in
    // this batch or committed before it.
    const through = this.queued;
    this.writeStarted = Date.now();
    this.writing = this.append(batch)
      .then(
        () => {
          if (this.failures > 0) {
            this.options.onHealth(true);
            this.options.log.info('save-recovered', { boardId: this.options.boardId, attempts: this.failures });
          }
          this.failures = 0;
          this.committed = through;
          this.options.onSaved(through);
        },
        (error: unknown) => {
          this.pending = [...batch, ...this.pending];
          if (this.failures === 0) this.options.onHealth(false);
          this.failures++;
          this.options.log.warn('save-failed', { boardId: this.options.boardId, attempt: this.failures, queued: this.pending.length }, error);
        },
      )
      .finally(() => {
        this.writing = null;
        this.writeStarted = null;
        if (this.pending.length > 0 && !this.timer) {
          const delay = this.failures === 0 ? 0 : Math.min(RETRY_MIN_MS * 2 ** (this.failures - 1), RETRY_MAX_MS);
          this.schedule(delay);
        }
      });
    return this.writing;
  }

  private async append(batch: Pending[]): Promise<void> {
    const byAuthor = new Map<string, Uint8Array[]>();
    for (const { update, author } of batch) {
      const updates = byAuthor.get(author) ?? [];
      updates.push(update);
      byAuthor.set(author, updates);
    }
    const rows = [...byAuthor].map(([origin, updates]) => ({
      origin,
      update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
    }));
    const seqs = await this.options.store.appendUpdates(this.options.boardId, rows);
    this.lastSeq = Math.max(this.lastSeq, ...seqs);
    this.loggedRows += rows.length;
    if (this.loggedRows >= COMPACT_AFTER_ROWS) await this.compact();
  }

  /**
   * Folds the log into the state row. The state written holds at least every logged update, so
   * deleting the log through lastSeq in the same transaction loses nothing, even if killed midway.
   */
  // A failed compaction is not a failed save: the batch before it is committed, and retrying it
  // would log it twice and hold back its confirmation. The next batch tries again.
  private async compact(): Promise<void> {
    try {
      const state = Y.encodeStateAsUpdate(this.options.doc);
      const compacted = await this.options.store.compact(this.options.boardId, state, this.lastSeq);
      if (compacted.ok) this.loggedRows = 0;
      else this.options.log.warn('compaction-skipped', { boardId: this.options.boardId, reason: compacted.error });
    } catch (error) {
      this.options.log.warn('compaction-failed', { boardId: this.options.boardId }, error);
    }
  }

  /** Writes everything queued, waiting (with retries) up to `timeoutMs`; true if all is committed. */
  async flush(timeoutMs = 10_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.hasPending) {
      if (Date.now() > deadline) return false;
      if (this.timer && this.failures === 0) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      if (this.writing) await this.writing;
      else if (!this.timer) await this.write();
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return true;
  }

  /** Flushes and compacts; after this the board can leave memory. */
  async close(timeoutMs = 10_000): Promise<boolean> {
    this.closed = true;
    const flushed = await this.flush(timeoutMs);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!flushed) return false;
    if (this.loggedRows > 0) await this.compact();
    return true;
  }
}
