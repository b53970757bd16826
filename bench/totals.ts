// Totals: full recompute versus incremental update after one edit, on a generated board.
// Run: npm run bench:totals [-- <rows>]   (default 20,000 rows: half B&E, half renewal)
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { readSheet, setCell } from '../shared/board/board-doc.ts';
import type { BoardOrigin } from '../shared/board/origins.ts';
import { computeTotals, observeTotals } from '../shared/totals/board-totals.ts';
import { TotalsEngine } from '../shared/totals/engine.ts';
import { generatedBoard, must } from './generated-board.ts';
import { median } from './stats.ts';

const rowCount = Number(process.argv[2] ?? 20_000);
const origin: BoardOrigin = { kind: 'user', userId: 'bench' };

function timeEach(runs: number, run: (i: number) => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run(i);
    times.push(performance.now() - start);
  }
  return times;
}

const doc = generatedBoard(rowCount, origin);
const half = Math.floor(rowCount / 2);

const renewalIds = readSheet(doc, 'vernieuwing').map((entry) => entry.id);
const renewalRows = readSheet(doc, 'vernieuwing');
const beheerRows = readSheet(doc, 'beheer');

// Warm up the JIT on both paths before measuring.
for (let i = 0; i < 3; i++) computeTotals(doc);

const fullFromDoc = timeEach(15, () => computeTotals(doc));
const fullFromRows = timeEach(15, () => {
  const engine = new TotalsEngine();
  for (const entry of beheerRows) engine.setBeheerRow(entry.id, entry.row);
  for (const entry of renewalRows) engine.setRenewalRow(entry.id, entry.row);
  engine.totals();
});

const edits = 2_000;
// The same kind of edit with nobody observing: what the edit costs before totals are involved.
const editOnly = timeEach(edits, (i) => must(setCell(doc, 'vernieuwing', renewalIds[i % renewalIds.length]!, 'allocated', i * 1000, origin)));
const live = observeTotals(doc);
live.totals();
const editAndTotals = timeEach(edits, (i) => {
  must(setCell(doc, 'vernieuwing', renewalIds[(i * 7) % renewalIds.length]!, 'requested', 5e7 + i * 1000, origin));
  live.totals();
});
const check = computeTotals(doc);
if (JSON.stringify(check) !== JSON.stringify(live.totals())) throw new Error('Incremental totals differ from a full recompute');

const fullMs = median(fullFromDoc);
const incrementalMs = Math.max(median(editAndTotals) - median(editOnly), 1e-6);
const row = (label: string, ms: number, note = '') => console.log(`| ${label.padEnd(58)} | ${ms.toFixed(4).padStart(10)} | ${note}`);

console.log(`bench/totals  ${new Date().toISOString()}  node ${process.version}  ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'})`);
console.log(`board: ${rowCount} rows (${half} B&E, ${rowCount - half} renewal); medians of 15 full runs and ${edits} edits\n`);
console.log(`| ${'measurement'.padEnd(58)} | ${'ms'.padStart(10)} |`);
row('full recompute from the Y.Doc (baseline)', fullMs);
row('full recompute from plain rows (engine only)', median(fullFromRows));
row('one edit: Yjs transaction only', median(editOnly));
row('one edit: Yjs transaction + incremental totals', median(editAndTotals));
row('incremental totals update alone (difference of the two)', incrementalMs);
console.log(`\nratio full recompute / incremental update: ${Math.round(fullMs / incrementalMs)}x (target >= 100x)`);
console.log(`ratio full recompute / whole edit incl. Yjs: ${Math.round(fullMs / median(editAndTotals))}x`);
console.log('incremental result equals a full recompute: yes');
live.destroy();
