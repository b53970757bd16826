// Control totals: every total a source states, next to what the board computes for it.
import type { StatedTotal } from '../board/board-doc.ts';
import { isDomain } from '../domain.ts';
import type { BoardTotals, ControlTotal } from './types.ts';

/**
 * What a stated total is about, by its key: "beheer.total[.qualifier]", "beheer.domain.<Domain>",
 * "renewal.allocated.total[...]", "renewal.requested.total[...]", "renewal.allocated.domain.<Domain>".
 */
export function computedFor(key: string, totals: BoardTotals): number | null {
  const [area, what, detail] = key.split('.');
  if (area === 'beheer' && what === 'total') return totals.beheer.total;
  if (area === 'beheer' && what === 'domain' && isDomain(detail)) return totals.beheer.byDomain[detail];
  if (area === 'renewal' && (what === 'allocated' || what === 'requested')) {
    if (detail === 'total') return totals.renewal[what];
    if (detail === 'domain') {
      const domain = key.split('.')[3];
      return isDomain(domain) || domain === 'Generiek' ? totals.renewal.byDomain[domain][what] : null;
    }
  }
  return null;
}

export function evaluateControls(stated: readonly StatedTotal[], totals: BoardTotals): ControlTotal[] {
  return stated.map((statement) => {
    const computed = computedFor(statement.key, totals);
    const difference = computed === null ? null : computed - statement.amount;
    const tolerance = statement.roundedTo === null ? 0 : statement.roundedTo / 2;
    return {
      key: statement.key,
      label: statement.label,
      source: statement.source,
      stated: statement.amount,
      computed,
      difference,
      roundedTo: statement.roundedTo,
      agrees: difference !== null && Math.abs(difference) <= tolerance,
    };
  });
}
