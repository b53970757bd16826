// Keeps a TotalsEngine in step with a board document: the first read walks every row once, after
// that only the rows a transaction touched are read again.
import * as Y from 'yjs';
import {
  readMeta,
  readRow,
  readSettings,
  readStatedTotals,
  metaMap,
  settingsMap,
  sheetMap,
  statedMap,
} from '../board/board-doc.ts';
import type { SheetName } from '../board/sheets.ts';
import { TotalsEngine } from './engine.ts';
import type { BoardTotals } from './types.ts';

type TotalledSheet = Extract<SheetName, 'beheer' | 'vernieuwing'>;
const TOTALLED_SHEETS: readonly TotalledSheet[] = ['beheer', 'vernieuwing'];

function loadRow(engine: TotalsEngine, doc: Y.Doc, sheet: TotalledSheet, id: string): void {
  const rowMap = sheetMap(doc, sheet).get(id);
  const present = rowMap instanceof Y.Map;
  if (sheet === 'beheer') engine.setBeheerRow(id, present ? readRow('beheer', rowMap) : null);
  else engine.setRenewalRow(id, present ? readRow('vernieuwing', rowMap) : null);
}

function loadAll(engine: TotalsEngine, doc: Y.Doc): void {
  engine.setYear(readMeta(doc).year);
  engine.setSettings(readSettings(doc));
  engine.setStatedTotals(readStatedTotals(doc));
  for (const sheet of TOTALLED_SHEETS) {
    for (const id of sheetMap(doc, sheet).keys()) loadRow(engine, doc, sheet, id);
  }
}

/** The totals of a board computed from scratch. */
export function computeTotals(doc: Y.Doc): BoardTotals {
  const engine = new TotalsEngine();
  loadAll(engine, doc);
  return engine.totals();
}

/** Ids of the rows of a sheet that one batch of deep events touched. */
function touchedRows(events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    const [first] = event.path;
    if (typeof first === 'string') ids.add(first);
    else for (const key of event.changes.keys.keys()) ids.add(key);
  }
  return ids;
}

export interface LiveTotals {
  totals(): BoardTotals;
  /** Called after each transaction that changed the totals' inputs. */
  onChange(listener: () => void): () => void;
  destroy(): void;
}

export function observeTotals(doc: Y.Doc): LiveTotals {
  const engine = new TotalsEngine();
  loadAll(engine, doc);
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  const unobserve: (() => void)[] = [];

  for (const sheet of TOTALLED_SHEETS) {
    const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const id of touchedRows(events)) loadRow(engine, doc, sheet, id);
      notify();
    };
    sheetMap(doc, sheet).observeDeep(handler);
    unobserve.push(() => sheetMap(doc, sheet).unobserveDeep(handler));
  }
  const watch = (map: Y.Map<unknown>, reload: () => void) => {
    const handler = () => (reload(), notify());
    map.observe(handler);
    unobserve.push(() => map.unobserve(handler));
  };
  watch(settingsMap(doc), () => engine.setSettings(readSettings(doc)));
  watch(statedMap(doc), () => engine.setStatedTotals(readStatedTotals(doc)));
  watch(metaMap(doc), () => engine.setYear(readMeta(doc).year));

  return {
    totals: () => engine.totals(),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      unobserve.forEach((stop) => stop());
      listeners.clear();
    },
  };
}
