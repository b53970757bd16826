// Test support: waits until a condition holds, polling; false when it did not within the time.
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 10): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return true;
}

/** Like eventually, but a condition that does not hold in time fails the test with `what`. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what = 'condition'): Promise<void> {
  if (!(await eventually(check, timeoutMs, 20))) throw new Error(`not within ${timeoutMs} ms: ${what}`);
}
