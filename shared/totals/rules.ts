// Budget rules over the whole board. (Allocated-above-requested is per row and kept incrementally
// by the engine.)
import { formatThousands } from '../amount.ts';
import { DOMAINS } from '../domain.ts';
import type { BoardTotals, Violation } from './types.ts';

export function evaluateRules(totals: Omit<BoardTotals, 'controls' | 'violations'>): Violation[] {
  const violations: Violation[] = [];
  const budget = totals.renewal.budget;
  if (typeof budget === 'number' && totals.renewal.allocated > budget) {
    violations.push({
      rule: 'renewal-budget-exceeded',
      message: `Toegekende vernieuwing (${formatThousands(totals.renewal.allocated)}) is hoger dan het beschikbare budget (${formatThousands(budget)}).`,
      amount: totals.renewal.allocated,
      limit: budget,
      excess: totals.renewal.allocated - budget,
    });
  }
  for (const domain of DOMAINS) {
    const { total, ceiling } = totals.domains[domain];
    if (typeof ceiling === 'number' && total > ceiling) {
      violations.push({
        rule: 'domain-ceiling-exceeded',
        message: `Domein ${domain} (${formatThousands(total)}) gaat over zijn kader (${formatThousands(ceiling)}).`,
        domain,
        amount: total,
        limit: ceiling,
        excess: total - ceiling,
      });
    }
  }
  return violations;
}
