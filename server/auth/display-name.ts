import type { Identity } from './identity.ts';

export const displayNameOf = (identity: Identity): string => (identity.kind === 'admin' ? 'Beheerder' : identity.displayName);
export const userIdOf = (identity: Identity): string => (identity.kind === 'admin' ? 'admin' : identity.memberId);
