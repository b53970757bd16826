// The Content-Security-Policy the server sends (server/http/security-headers.ts) must let the built
// client do everything it does, and nothing more: the login page, signing in (a POST that the
// cross-origin check lets through), a board page with its grids and live WebSocket, every tab
// (the dashboard's charts among them) and the invite page run in Chromium without one violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inviteUrl, waitSynced } from './board-ui.ts';
import { openBrowser } from './browser.ts';
import { E2E_ADMIN_TOKEN, startServer, type RunningServer } from './server-process.ts';

let server: RunningServer;
const TABS = [
  ['beheer', 'Beheer & exploitatie'],
  ['vernieuwing', 'Vernieuwing'],
  ['roadmap', 'Roadmap'],
  ['tijdlijn', 'Tijdlijn'],
  ['dashboard', 'Dashboard'],
  ['sessie', 'Sessie'],
  ['uitnodigingen', 'Uitnodigingen'],
] as const;

/** Collects every CSP violation of the page: the DOM event and Chromium's console report. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    if (/Content Security Policy|Refused to/i.test(error.message)) violations.push(`error: ${error.message}`);
  });
  // Injected by the browser itself (not a page script), so the policy does not apply to it.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Refused to load (CSP ${event.effectiveDirective}): ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return violations;
}

describe('Content-Security-Policy of the built client', () => {
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
  });

  it('sends a policy that allows scripts from the server only', async () => {
    const response = await fetch(`${server.url}/`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(policy).toContain(`ws://127.0.0.1:${server.port}`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('runs the login page, a board with every tab, and the invite page without a violation', async () => {
    const browser = await openBrowser();
    try {
      const page = await browser.newPage();
      const violations = await watchViolations(page);
      await page.goto(server.url);
      await page.getByLabel('Beheerderstoken').fill(E2E_ADMIN_TOKEN);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('heading', { name: /GDI-Programmeringsplan 2025/ }).waitFor();
      await waitSynced(page);
      for (const [id, label] of TABS) {
        await page.getByRole('tab', { name: label, exact: true }).click();
        await page.locator(`#panel-${id}`).waitFor({ state: 'visible' });
        // The dashboard's charts are a chunk of their own, drawn on canvas.
        if (id === 'dashboard') await page.locator('#panel-dashboard canvas').first().waitFor({ timeout: 15_000 });
      }
      // A reload lands on the board page directly (on the tab last open).
      await page.reload();
      await page.getByRole('tab', { name: 'Beheer & exploitatie' }).click();
      await waitSynced(page);

      const invitePage = await browser.newPage();
      const inviteViolations = await watchViolations(invitePage);
      await invitePage.goto(await inviteUrl(server, 'viewer'));
      await invitePage.getByLabel('Uw naam, zoals anderen die zien').waitFor();

      expect([...violations, ...inviteViolations]).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
