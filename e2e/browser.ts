// Debian's Chromium driven by playwright-core (Playwright's own browser download is not used).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh browser profile. Tall by default, so that a whole sheet of the 2025 plan is on screen. */
export async function openBrowser(viewport = { width: 1400, height: 1600 }): Promise<BrowserContext> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'planbord-chromium-'));
  return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, locale: 'nl-NL', viewport });
}
