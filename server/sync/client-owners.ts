// Which member writes with which Yjs client id on one open board. Yjs trusts a client id: whoever
// writes structs with it extends its clocks, and structs that later arrive under those clocks are
// skipped as known. So a member who could write with a colleague's id (visible to all in presence)
// could burn it and silently drop that colleague's next edits. An id belongs to the first member
// who shows it (in presence or a first edit); the database keeps the claims, so a member's offline
// edits from an earlier browser session still sync, and nobody else's do.
import type { Logger } from '../log.ts';

/** The owner of the server's own ids (migrations, restores, imports): no connection writes with them. */
export const SERVER_OWNER = 'planbord';

export interface ClientOwnersOptions {
  owners: Map<number, string>;
  /** Stores a new claim; the first claim of an id stands. */
  record(clientId: number, owner: string): Promise<void>;
  /** Whether the document already holds structs of an id (then an id without an owner is nobody's). */
  hasContent(clientId: number): boolean;
  log: Logger;
}

export class ClientOwners {
  constructor(private readonly options: ClientOwnersOptions) {}

  ownerOf(clientId: number): string | undefined {
    return this.options.owners.get(clientId);
  }

  /** Reserves an id for the server itself, in memory (the server's own writes make it known). */
  reserve(clientId: number): void {
    if (!this.options.owners.has(clientId)) this.options.owners.set(clientId, SERVER_OWNER);
  }

  /** Whether `owner` may use an id; a free id becomes theirs. */
  claim(clientId: number, owner: string): boolean {
    const current = this.options.owners.get(clientId);
    if (current !== undefined) return current === owner;
    // Content without a recorded owner: the server's own, or written before owners were recorded.
    if (this.options.hasContent(clientId)) return false;
    this.options.owners.set(clientId, owner);
    this.options.record(clientId, owner).catch((error: unknown) => this.options.log.warn('client-id-claim-failed', { clientId, owner }, error));
    return true;
  }

  /** Whether `owner` may use an id, without claiming it. */
  mayUse(clientId: number, owner: string): boolean {
    const current = this.options.owners.get(clientId);
    return current === undefined ? !this.options.hasContent(clientId) : current === owner;
  }

  /** Whether `owner` may extend every one of these ids; claims the free ones only when all may. */
  claimAll(clientIds: Iterable<number>, owner: string): boolean {
    const ids = [...clientIds];
    if (!ids.every((clientId) => this.mayUse(clientId, owner))) return false;
    for (const clientId of ids) this.claim(clientId, owner);
    return true;
  }
}
