// Shape of a plan transcribed from its published text. Amounts are kept exactly as the plan prints
// them (in thousands of euros, Dutch notation), so that a reviewer can hold each one against the page.
import type { Domain, DomainOrGeneriek, Horizon, RenewalStatus } from '../domain.ts';

/**
 * An amount as printed in a table in x € 1.000: '12.434', '0', 'ntb' (nader te bepalen) or '-' (none).
 * Footnote markers are not part of it.
 */
export type PrintedAmount = string;

/** Where a fact stands in docs/sources/<plan>.txt: the section heading path and the 1-based line range. */
export interface SourceRef {
  section: string;
  lines: readonly [number, number];
}

/** One B&E line as the financial overview lists it, with the same line in its domain chapter. */
export interface PlanBeheerLine {
  /** Name as in the financial overview (Beheer en exploitatieoverzicht). */
  bouwsteen: string;
  domain: Domain;
  opdrachtnemer: string;
  amount: PrintedAmount;
  source: SourceRef;
  /** The same line in the domain chapter's table (Concreet per bouwsteen), or null if the chapter omits it. */
  chapter: { name: string; amount: PrintedAmount; source: SourceRef } | null;
}

/** One renewal proposal (vernieuwingsvoorstel) from a chapter's table, with its line in the financial overview. */
export interface PlanRenewalProposal {
  name: string;
  domain: DomainOrGeneriek;
  status: RenewalStatus;
  /** The bullets of "Ontwikkeling <year>", one string per bullet, line breaks of the PDF joined. */
  development: readonly string[];
  requested: PrintedAmount;
  allocated: PrintedAmount;
  /** Doorkijk: the two years after the plan year, in order. */
  outlook: readonly [PrintedAmount, PrintedAmount];
  /** From the financial overview's Opdrachtnemers column ('' if the overview does not list the proposal). */
  opdrachtnemers: string;
  /** Footnotes that apply to this proposal or its table, full text. */
  footnotes: readonly string[];
  source: SourceRef;
  /** The line in the financial overview (Vernieuwingsbudget), or null if the overview omits it. */
  overview: { name: string; amount: PrintedAmount; source: SourceRef } | null;
}

/** A total the plan states in print, to be held against the computed one. */
export interface PlanStatedTotal {
  key: string;
  label: string;
  /** Amount in x € 1.000 as printed, or converted from a '€ 263,46 mln' style statement. */
  amount: PrintedAmount;
  /** Set when the plan states the total rounded, in thousands of euros (e.g. 10 for '€ 263,46 mln'). */
  roundedTo?: number;
  source: SourceRef;
}

/** A task (opgave) with its activities for the plan year. */
export interface PlanOpgave {
  domain: DomainOrGeneriek;
  opgave: string;
  activities: readonly string[];
  source: SourceRef;
}

/** An item of a domain's action plan (Actieplan met mijlpalen en ontwikkelingen) on one horizon. */
export interface PlanRoadmapAction {
  domain: DomainOrGeneriek;
  /** The goal (doelstelling) or theme the item sits under, if the plan names one. */
  goal: string;
  horizon: Horizon;
  text: string;
  /** A target year the plan gives for this item, if any. */
  targetYear: number | null;
  source: SourceRef;
}
