// The whole-document invariant of a board: every top-level type, row and value is what the schema
// allows, the meta a board needs to load is there, and Yjs holds nothing pending (structs or
// deletions waiting for clocks that never came). The update check keeps boards this way; this
// proves it, after every update a test or a repair accepts.
import * as Y from 'yjs';
import { MAX_ROWS_PER_SHEET } from '../amount.ts';
import { isRowId } from './row-id.ts';
import { REQUIRED_META, valueProblem, type Container } from './schema-values.ts';
import { isSheetName, SHEETS } from './sheets.ts';

const TOP_LEVEL = new Set<string>(['meta', 'settings', 'stated', ...SHEETS]);

function mapProblems(name: string, map: Y.Map<unknown>, container: Container): string[] {
  const problems: string[] = [];
  for (const [key, value] of map.entries()) {
    if (value instanceof Y.AbstractType) problems.push(`${name}.${key} holds a shared type`);
    else {
      const problem = valueProblem(container, key, value);
      if (problem) problems.push(`${name}.${key}: ${problem}`);
    }
  }
  return problems;
}

/** What is wrong with a board document; empty when nothing is. */
export function boardProblems(doc: Y.Doc): string[] {
  const problems: string[] = [];
  if (doc.store.pendingStructs !== null) problems.push('structs pending integration');
  if (doc.store.pendingDs !== null) problems.push('deletions pending');
  for (const [name, type] of [...doc.share]) {
    if (!TOP_LEVEL.has(name)) {
      problems.push(`unknown top-level type "${name}"`);
      continue;
    }
    if (type._start !== null) problems.push(`${name} holds list content`);
    // A top-level type Yjs created from an update before anyone asked for it is typed on first use.
    let map: Y.Map<unknown>;
    try {
      map = doc.getMap(name);
    } catch {
      problems.push(`${name} is not a map`);
      continue;
    }
    if (!isSheetName(name)) {
      problems.push(...mapProblems(name, map, { kind: 'root', name }));
      continue;
    }
    if (map.size > MAX_ROWS_PER_SHEET) problems.push(`${name} has more than ${MAX_ROWS_PER_SHEET} rows`);
    for (const [rowId, row] of map.entries()) {
      if (!isRowId(rowId)) problems.push(`${name}: invalid row id "${rowId}"`);
      if (!(row instanceof Y.Map)) {
        problems.push(`${name}.${rowId} is not a row`);
        continue;
      }
      problems.push(...mapProblems(`${name}.${rowId}`, row, { kind: 'row', sheet: name }));
    }
  }
  const meta = doc.share.get('meta');
  for (const key of REQUIRED_META) if (!(meta instanceof Y.Map) || !meta.has(key)) problems.push(`meta.${key} is missing`);
  return problems;
}
