// Test support: a short account of how a board loaded from the database differs from the board the
// clients hold: rows and cells that differ (with the client that wrote each value), then, per Yjs
// client, the items and deletions one side has and the other lacks. When "saved" and the database
// disagree, this says whose edits are missing.
import * as Y from 'yjs';
import { POS_FIELD, readSheet, sheetMap } from '../../shared/board/board-doc.ts';
import { SHEETS } from '../../shared/board/sheets.ts';

/** Names for Yjs client ids (the test's clients); others are shown by number. */
export type Authors = ReadonlyMap<number, string>;

/** What the two boards compared are called in the account. */
export interface Sides {
  ours: string;
  theirs: string;
}

const nameOf = (authors: Authors, client: number | undefined) =>
  client === undefined ? 'nobody' : (authors.get(client) ?? `client ${client}`);

/** The Yjs client that wrote the current value of `key` in a map. */
const writerOf = (map: { _map: Map<string, Y.Item> } | undefined, key: string) => map?._map.get(key)?.id.client;

const show = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));

function rowDifferences(clients: Y.Doc, database: Y.Doc, authors: Authors, { ours: a, theirs: b }: Sides): string[] {
  const lines: string[] = [];
  for (const sheet of SHEETS) {
    const inClients = new Map(readSheet(clients, sheet).map((entry) => [entry.id, entry]));
    const inDatabase = new Map(readSheet(database, sheet).map((entry) => [entry.id, entry]));
    const clientRows = sheetMap(clients, sheet);
    const databaseRows = sheetMap(database, sheet);
    for (const id of new Set([...inClients.keys(), ...inDatabase.keys()])) {
      const ours = inClients.get(id);
      const stored = inDatabase.get(id);
      if (!stored) lines.push(`${sheet} row ${id}: missing from ${b} (row by ${nameOf(authors, writerOf(clientRows, id))})`);
      else if (!ours) lines.push(`${sheet} row ${id}: only in ${b} (row by ${nameOf(authors, writerOf(databaseRows, id))})`);
      else {
        const clientRow = clientRows.get(id);
        const databaseRow = databaseRows.get(id);
        const fields = { ...ours.row, [POS_FIELD]: ours.pos } as Record<string, unknown>;
        const storedFields = { ...stored.row, [POS_FIELD]: stored.pos } as Record<string, unknown>;
        for (const field of Object.keys(fields)) {
          if (JSON.stringify(fields[field]) === JSON.stringify(storedFields[field])) continue;
          lines.push(
            `${sheet} row ${id}.${field}: ${a} ${show(fields[field])} by ${nameOf(authors, writerOf(clientRow, field))}, ` +
              `${b} ${show(storedFields[field])} by ${nameOf(authors, writerOf(databaseRow, field))}`,
          );
        }
      }
    }
  }
  return lines;
}

/** The clocks of `client` deleted in `ds`, as [from, to) ranges. */
function deletedClocks(ds: Y.Snapshot["ds"], client: number): Set<number> {
  const clocks = new Set<number>();
  for (const { clock, len } of ds.clients.get(client) ?? []) for (let c = clock; c < clock + len; c++) clocks.add(c);
  return clocks;
}

function ranges(clocks: number[]): string {
  const sorted = [...clocks].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

function itemDifferences(clients: Y.Doc, database: Y.Doc, authors: Authors, { theirs: b }: Sides): string[] {
  const lines: string[] = [];
  const ours = Y.snapshot(clients);
  const stored = Y.snapshot(database);
  for (const client of new Set([...ours.sv.keys(), ...stored.sv.keys()])) {
    const who = nameOf(authors, client);
    const have = ours.sv.get(client) ?? 0;
    const kept = stored.sv.get(client) ?? 0;
    if (have > kept) lines.push(`${who}: items ${kept}-${have - 1} missing from ${b}`);
    if (kept > have) lines.push(`${who}: items ${have}-${kept - 1} only in ${b}`);
    const deletedHere = deletedClocks(ours.ds, client);
    const deletedThere = deletedClocks(stored.ds, client);
    const notStored = [...deletedHere].filter((clock) => !deletedThere.has(clock) && clock < kept);
    const notHere = [...deletedThere].filter((clock) => !deletedHere.has(clock) && clock < have);
    if (notStored.length > 0) lines.push(`${who}: deletion of its items ${ranges(notStored)} missing from ${b}`);
    if (notHere.length > 0) lines.push(`${who}: its items ${ranges(notHere)} deleted only in ${b}`);
  }
  if (database.store.pendingStructs || database.store.pendingDs) lines.push(`${b} holds updates that cannot be integrated (their dependencies are missing)`);
  return lines;
}

/** Empty when the two boards agree; else at most `maxLines` lines saying how. */
export function describeBoardDifference(
  clients: Y.Doc,
  database: Y.Doc,
  authors: Authors,
  sides: Sides = { ours: 'clients', theirs: 'the database' },
  maxLines = 12,
): string {
  const lines = [...rowDifferences(clients, database, authors, sides), ...itemDifferences(clients, database, authors, sides)];
  if (lines.length <= maxLines) return lines.join('\n');
  return [...lines.slice(0, maxLines), `... and ${lines.length - maxLines} more`].join('\n');
}
