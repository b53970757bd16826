// The vocabulary of the GDI-Programmeringsplan: domains, proposal statuses and roadmap horizons.

export const DOMAINS = ['Interactie', 'Toegang', 'Gegevensuitwisseling', 'Infrastructuur'] as const;
export type Domain = (typeof DOMAINS)[number];

/** Renewal proposals and roadmap tasks may span all domains. */
export const GENERIEK = 'Generiek';
export type DomainOrGeneriek = Domain | typeof GENERIEK;
export const DOMAINS_AND_GENERIEK: readonly DomainOrGeneriek[] = [...DOMAINS, GENERIEK];

export const RENEWAL_STATUSES = ['Nieuw', 'Doorloper'] as const;
export type RenewalStatus = (typeof RENEWAL_STATUSES)[number];

/** Concreet 0-2 jaar, Zicht op 3-4 jaar, Bestemming 5-6 jaar. */
export const HORIZONS = ['0-2', '3-4', '5-6'] as const;
export type Horizon = (typeof HORIZONS)[number];

export function isDomain(value: unknown): value is Domain {
  return typeof value === 'string' && (DOMAINS as readonly string[]).includes(value);
}

export function isDomainOrGeneriek(value: unknown): value is DomainOrGeneriek {
  return value === GENERIEK || isDomain(value);
}
