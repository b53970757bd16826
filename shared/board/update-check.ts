// Checks a Yjs update against the board schema before it is applied. Yjs accepts any structure
// that decodes, so without this an editor's client could write what no grid would: an amount
// "abc", a BigInt, a 2 MB name, a Y.Text in a cell, a row that is not a Y.Map, a top-level type of
// its own, a schema version from the future (the board would no longer load), or a budget that
// only a chair may set. Every struct is placed as Yjs will integrate it, against the server's own
// items (../sync/update-placement.ts); then what lands must be what the schema allows there, and
// what is deleted must be the member's to delete.
import * as Y from 'yjs';
import { MAX_ROWS_PER_SHEET } from '../amount.ts';
import { hasRole, type Role } from '../access/roles.ts';
import { placeUpdate, type Landing, type NewItem } from '../sync/update-placement.ts';
import type { UpdateShape } from '../sync/update-slices.ts';
import { isRowId } from './row-id.ts';
import { CHAIR_MAPS, REQUIRED_META, valueProblem, type Container } from './schema-values.ts';
import { isSheetName, type SheetName } from './sheets.ts';

export type UpdateVerdict =
  /** Schema-valid; it extends the clocks of these client ids, which must be the sender's. */
  | { kind: 'ok'; writtenClients: ReadonlySet<number> }
  /** The update builds on items the server does not have (yet): it cannot be checked now. */
  | { kind: 'unresolved' }
  | { kind: 'invalid'; reason: string };

export interface UpdateLimits {
  maxRowsPerSheet: number;
  /**
   * Rows one update may add or remove: a large paste or an offline morning's work, not a bulk load
   * (import is for that). Checking and integrating an update of this many rows keeps the server
   * busy for about 15 ms, twice as many for 40 to 70 (bench/large-update.ts).
   */
  maxRowChangesPerUpdate: number;
}

export const MAX_ROW_CHANGES_PER_UPDATE = 500;
export const DEFAULT_UPDATE_LIMITS: UpdateLimits = { maxRowsPerSheet: MAX_ROWS_PER_SHEET, maxRowChangesPerUpdate: MAX_ROW_CHANGES_PER_UPDATE };

/** Why content may not land at a place, or null when it may. Deleted content is checked for its place. */
function contentProblem(container: Container, key: string | null, content: Y.Item['content'], role: Role): string | null {
  if (container.kind === 'nested') return 'content inside a nested type';
  if (container.kind === 'root') {
    if (isSheetName(container.name)) {
      if (key === null || !isRowId(key)) return `invalid row id on ${container.name}`;
      if (content instanceof Y.ContentDeleted) return null;
      return content instanceof Y.ContentType && content.type instanceof Y.Map ? null : `a row of ${container.name} that is not a map`;
    }
    if (!CHAIR_MAPS.has(container.name)) return `unknown top-level type "${container.name}"`;
    if (!hasRole(role, 'chair')) return `only a chair changes ${container.name}`;
  }
  if (key === null) return 'list content in a map';
  // A deleted value that becomes a key's newest removes the key's value.
  if (content instanceof Y.ContentDeleted) return container.kind === 'root' && container.name === 'meta' && REQUIRED_META.has(key) ? `meta.${key} cannot be removed` : null;
  if (!(content instanceof Y.ContentAny)) return `unsupported content at ${key}`;
  for (const value of content.getContent()) {
    const problem = valueProblem(container, key, value);
    if (problem) return problem;
  }
  return null;
}
const rootName = (doc: Y.Doc, type: Y.AbstractType<unknown>): string | null => {
  for (const [name, shared] of doc.share) if (shared === type) return name;
  return null;
};

/** The container of a type the document has, from the item that holds it. */
function integratedContainer(doc: Y.Doc, type: Y.AbstractType<unknown>): Container {
  const holder = type._item;
  if (holder === null) return { kind: 'root', name: rootName(doc, type) ?? '' };
  const parent = holder.parent;
  if (type instanceof Y.Map && holder.parentSub !== null && parent instanceof Y.AbstractType && parent._item === null) {
    const name = rootName(doc, parent);
    if (name !== null && isSheetName(name)) return { kind: 'row', sheet: name };
  }
  return { kind: 'nested' };
}

const isRowLanding = (container: Container, key: string | null, content: Y.Item['content']): container is { kind: 'root'; name: SheetName } =>
  container.kind === 'root' && isSheetName(container.name) && key !== null && content instanceof Y.ContentType && content.type instanceof Y.Map;

export function checkUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  role: Role,
  limits: UpdateLimits = DEFAULT_UPDATE_LIMITS,
  /** The update's shape, when the caller has already read it from the bytes. */
  shape?: UpdateShape,
): UpdateVerdict {
  // Rows are the only types a board has: more new types than rows one update may add are refused unread.
  const placed = placeUpdate(doc, update, { maxNewTypes: limits.maxRowChangesPerUpdate, shape });
  if (placed.kind === 'unresolved') return { kind: 'unresolved' };
  if (placed.kind === 'invalid') return placed;
  const { items, deletes, writtenClients } = placed.placement;

  const entries = new Map<Y.Item, NewItem>(items.map((entry) => [entry.item, entry]));
  const containerOf = (landing: Landing): Container => {
    const { parent } = landing;
    switch (parent.kind) {
      case 'root':
        return { kind: 'root', name: parent.name };
      case 'type':
        return integratedContainer(doc, parent.type);
      case 'new': {
        const holder = entries.get(parent.holder)?.landing;
        if (!holder) return { kind: 'nested' };
        const container = containerOf(holder);
        return isRowLanding(container, holder.key, parent.holder.content) ? { kind: 'row', sheet: container.name } : { kind: 'nested' };
      }
    }
  };

  const rowsAdded = new Map<SheetName, number>();
  let rowChanges = 0;
  const metaSet = new Set<string>();
  for (const { item, landing } of items) {
    if (landing === null) continue; // Yjs turns it into a GC: it carries nothing
    const container = containerOf(landing);
    const problem = contentProblem(container, landing.key, item.content, role);
    if (problem) return { kind: 'invalid', reason: problem };
    if (container.kind === 'root' && container.name === 'meta' && landing.key !== null) metaSet.add(landing.key);
    if (isRowLanding(container, landing.key, item.content)) {
      rowsAdded.set(container.name, (rowsAdded.get(container.name) ?? 0) + 1);
      rowChanges++;
    }
  }

  for (const item of deletes) {
    if (!(item.parent instanceof Y.AbstractType)) continue;
    const container = integratedContainer(doc, item.parent);
    if (container.kind !== 'root') continue;
    const key = item.parentSub;
    const current = key !== null && item.parent._map.get(key) === item;
    if (CHAIR_MAPS.has(container.name) && !hasRole(role, 'chair')) return { kind: 'invalid', reason: `only a chair changes ${container.name}` };
    if (container.name === 'meta' && current && REQUIRED_META.has(key) && !metaSet.has(key)) return { kind: 'invalid', reason: `meta.${key} cannot be removed` };
    if (current && isSheetName(container.name)) rowChanges++;
  }

  if (rowChanges > limits.maxRowChangesPerUpdate) {
    return { kind: 'invalid', reason: `${rowChanges} rows added or removed in one update; at most ${limits.maxRowChangesPerUpdate}` };
  }
  for (const [sheet, added] of rowsAdded) {
    if (doc.getMap(sheet).size + added > limits.maxRowsPerSheet) return { kind: 'invalid', reason: `${sheet} would have more than ${limits.maxRowsPerSheet} rows` };
  }
  return { kind: 'ok', writtenClients };
}
