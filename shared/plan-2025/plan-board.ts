// The GDI-Programmeringsplan 2025 as a board: the transcribed tables mapped onto the three sheets,
// the stated totals as control totals, and the stated renewal budget as the board's budget.
import type * as Y from 'yjs';
import { thousandsToAmount } from '../amount.ts';
import { insertRows, statedMap, setSetting } from '../board/board-doc.ts';
import { createBoardDoc } from '../board/new-board.ts';
import { SEED_ORIGIN } from '../board/origins.ts';
import type { BeheerRow, RenewalRow, RoadmapRow } from '../board/sheets.ts';
import { beheerLines, renewalProposals, statedTotals } from './finance.ts';
import { opgaven, roadmapActions } from './roadmap.ts';
import type { SourceRef } from './types.ts';

export const PLAN_2025 = { id: 'gdi-2025', title: 'GDI-Programmeringsplan 2025', year: 2025 } as const;

/** Stated figures that are budgets to stay within, not totals of the board's rows. */
const BUDGET_KEYS = new Set(['renewal.available', 'innovation.available']);

export const describeSource = (source: SourceRef): string =>
  `GDI-Programmeringsplan 2025, ${source.section} (tekstregels ${source.lines[0]}-${source.lines[1]})`;

export function plan2025Rows(): { beheer: BeheerRow[]; vernieuwing: RenewalRow[]; roadmap: RoadmapRow[] } {
  return {
    beheer: beheerLines.map((line) => ({
      bouwsteen: line.bouwsteen,
      domain: line.domain,
      opdrachtnemer: line.opdrachtnemer,
      amount: thousandsToAmount(line.amount),
      note: '',
    })),
    vernieuwing: renewalProposals.map((proposal) => ({
      name: proposal.name,
      domain: proposal.domain,
      status: proposal.status,
      development: proposal.development.join('\n'),
      requested: thousandsToAmount(proposal.requested),
      allocated: thousandsToAmount(proposal.allocated),
      outlook1: thousandsToAmount(proposal.outlook[0]),
      outlook2: thousandsToAmount(proposal.outlook[1]),
      opdrachtnemers: proposal.opdrachtnemers,
      footnotes: proposal.footnotes.join('\n'),
    })),
    roadmap: [
      ...opgaven.flatMap((opgave) =>
        opgave.activities.map((activity): RoadmapRow => ({
          domain: opgave.domain,
          kind: 'opgave',
          opgave: opgave.opgave,
          activity,
          horizon: '0-2',
          targetYear: PLAN_2025.year,
        })),
      ),
      ...roadmapActions.map((action): RoadmapRow => ({
        domain: action.domain,
        kind: 'actie',
        opgave: action.goal,
        activity: action.text,
        horizon: action.horizon,
        targetYear: action.targetYear,
      })),
    ],
  };
}

export function buildPlan2025Board(): Y.Doc {
  const doc = createBoardDoc(PLAN_2025, SEED_ORIGIN);
  const rows = plan2025Rows();
  for (const sheet of ['beheer', 'vernieuwing', 'roadmap'] as const) {
    const inserted = insertRows(doc, sheet, rows[sheet], SEED_ORIGIN);
    if (!inserted.ok) throw new Error(`Plan 2025, sheet ${sheet}: ${JSON.stringify(inserted.error)}`);
  }
  doc.transact(() => {
    for (const total of statedTotals) {
      if (BUDGET_KEYS.has(total.key)) continue;
      const roundedTo = total.roundedTo === undefined ? null : total.roundedTo * 1000;
      statedMap(doc).set(total.key, {
        label: total.label,
        amount: thousandsToAmount(total.amount),
        roundedTo,
        source: describeSource(total.source),
      });
    }
  }, SEED_ORIGIN);
  const available = statedTotals.find((total) => total.key === 'renewal.available');
  if (available) setSetting(doc, 'renewalBudget', thousandsToAmount(available.amount), SEED_ORIGIN);
  return doc;
}
