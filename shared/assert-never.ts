/** Exhaustiveness check at the end of a switch: a new case that is not handled fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
