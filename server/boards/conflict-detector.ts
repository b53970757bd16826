// Makes concurrent edits of one cell visible. When two people set the same cell within a few
// seconds, each starting from the same value, Yjs keeps one of the two values and drops the other
// without a word. Both new values point back to that same prior value (their Yjs "origin"); the
// detector notices, keeps both values with who typed them, and lets a chair settle the cell.
import * as Y from 'yjs';
import { sheetMap } from '../../shared/board/board-doc.ts';
import { isBoardOrigin } from '../../shared/board/origins.ts';
import { SHEETS, type SheetName } from '../../shared/board/sheets.ts';

export const CONFLICT_WINDOW_MS = 5_000;

export interface ConflictValue {
  value: unknown;
  author: string;
  at: string;
  kept: boolean;
}

export interface CellConflict {
  id: string;
  sheet: SheetName;
  rowId: string;
  field: string;
  values: ConflictValue[];
}

const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;

export class ConflictDetector {
  private readonly conflicts = new Map<string, CellConflict>();
  /** When each recent cell value arrived, and from whom. */
  private readonly arrivals = new Map<string, { at: number; author: string }>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly authorOf: (userId: string) => string,
  ) {
    doc.on('afterTransaction', this.inspect);
  }

  list(): CellConflict[] {
    return [...this.conflicts.values()];
  }

  get(id: string): CellConflict | undefined {
    return this.conflicts.get(id);
  }

  /** A chair settled it: the conflict is no longer shown. */
  resolve(id: string): void {
    if (this.conflicts.delete(id)) this.listeners.forEach((listener) => listener());
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private readonly inspect = (transaction: Y.Transaction) => {
    const origin = transaction.origin;
    if (!isBoardOrigin(origin) || origin.kind !== 'user') return;
    const now = Date.now();
    const author = this.authorOf(origin.userId);
    let found = false;
    for (const [type, keys] of transaction.changed) {
      if (!(type instanceof Y.Map) || !(type.parent instanceof Y.Map)) continue;
      const sheet = SHEETS.find((name) => sheetMap(this.doc, name) === type.parent);
      const rowId = type._item?.parentSub;
      if (!sheet || !rowId) continue;
      for (const field of keys) {
        if (field === null || field === 'pos') continue;
        found = this.inspectCell(transaction, type, sheet, rowId, field, author, now) || found;
      }
    }
    if (found) this.listeners.forEach((listener) => listener());
    // Arrivals are kept in the order they came: the expired ones are at the front.
    for (const [key, arrival] of this.arrivals) {
      if (now - arrival.at <= CONFLICT_WINDOW_MS) break;
      this.arrivals.delete(key);
    }
  };

  private inspectCell(transaction: Y.Transaction, row: Y.Map<unknown>, sheet: SheetName, rowId: string, field: string, author: string, now: number): boolean {
    // The entries of one key form a chain to the left; the newest few are all that can conflict.
    const recent: Y.Item[] = [];
    for (let item = row._map.get(field) ?? null; item && recent.length < 6; item = item.left) recent.push(item);
    for (const item of recent) {
      const isNew = item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
      if (isNew && !this.arrivals.has(idKey(item.id))) this.arrivals.set(idKey(item.id), { at: now, author });
    }
    const fresh = recent.filter((item) => this.arrivals.has(idKey(item.id)));
    for (let i = 0; i < fresh.length; i++) {
      for (let j = i + 1; j < fresh.length; j++) {
        const [a, b] = [fresh[i]!, fresh[j]!];
        if (!a.origin || !b.origin || idKey(a.origin) !== idKey(b.origin) || a.id.client === b.id.client) continue;
        const first = this.arrivals.get(idKey(a.id))!;
        const second = this.arrivals.get(idKey(b.id))!;
        if (Math.abs(first.at - second.at) > CONFLICT_WINDOW_MS) continue;
        const id = `${sheet}:${rowId}:${field}:${idKey(a.origin)}`;
        if (this.conflicts.has(id)) continue;
        const value = (item: Y.Item) => item.content.getContent()[0];
        this.conflicts.set(id, {
          id,
          sheet,
          rowId,
          field,
          values: [a, b].map((item) => {
            const arrival = this.arrivals.get(idKey(item.id))!;
            return { value: value(item), author: arrival.author, at: new Date(arrival.at).toISOString(), kept: !item.deleted };
          }),
        });
        return true;
      }
    }
    return false;
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.inspect);
    this.listeners.clear();
  }
}
