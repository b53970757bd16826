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

export async function openBrowser(): Promise<BrowserContext> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'planbord-chromium-'));
  return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, locale: 'nl-NL' });
}
