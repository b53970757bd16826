// Screenshots of the board's views, taken where the end-to-end tests have them open, into
// test-results/screenshots/ (not committed), so that a person can see what the tests saw.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const FOLDER = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
/** A laptop screen, whatever size the test's own browser has. */
const SCREEN = { width: 1280, height: 800 };

/** Two animation frames: the grid lays itself out again on the first after a resize. */
const settle = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

/** Saves what a person sees of the page on a 1280x800 screen as <name>.png, then gives the page its size back. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(FOLDER, { recursive: true });
  const before = page.viewportSize();
  await page.setViewportSize(SCREEN);
  await settle(page);
  await page.screenshot({ path: `${FOLDER}${name}.png`, fullPage: false, animations: 'disabled', caret: 'hide' });
  if (before) {
    await page.setViewportSize(before);
    await settle(page);
  }
}
