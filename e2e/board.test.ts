// The board in real browsers: two people editing at once, a viewer, offline edits, invalid input,
// paste from Excel, undo of one's own edits, and an accessibility scan of every page.
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './browser.ts';
import { cell, grid, inviteUrl, joinBoard, totalCell, typeInto, waitSynced } from './board-ui.ts';
import { startServer, type RunningServer } from './server-process.ts';

let server: RunningServer;
const contexts: BrowserContext[] = [];

async function context(): Promise<BrowserContext> {
  const opened = await openBrowser();
  contexts.push(opened);
  return opened;
}

const text = (page: Page, sheet: string, row: string, field: string) => cell(page, sheet, row, field).textContent();

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => {})));
  await server?.stop('SIGKILL');
});

describe('the board in the browser', () => {
  let anna: Page;
  let bert: Page;

  beforeAll(async () => {
    anna = await joinBoard(await context(), await inviteUrl(server, 'editor'), 'Anna');
    bert = await joinBoard(await context(), await inviteUrl(server, 'editor'), 'Bert');
  }, 90_000);

  it("shows each editor the other's edit and the new totals within a second", async () => {
    expect(await text(anna, 'beheer', 'DigiD Machtigen', 'amount')).toBe('29.394');
    const before = await totalCell(bert, 'beheer', 'Totaal B&E', 'amount').textContent();
    expect(before).toBe('263.681');

    await typeInto(anna, 'beheer', 'DigiD Machtigen', 'amount', '30.394');
    const started = Date.now();
    await expect.poll(() => text(bert, 'beheer', 'DigiD Machtigen', 'amount'), { timeout: 1_000, interval: 25 }).toBe('30.394');
    await expect.poll(() => totalCell(bert, 'beheer', 'Totaal B&E', 'amount').textContent(), { timeout: 1_000, interval: 25 }).toBe('264.681');
    expect(Date.now() - started).toBeLessThan(1_000);

    await typeInto(bert, 'beheer', 'eHerkenning', 'amount', '5000');
    await expect.poll(() => text(anna, 'beheer', 'eHerkenning', 'amount'), { timeout: 1_000, interval: 25 }).toBe('5.000');
    await expect.poll(() => totalCell(anna, 'beheer', 'Subtotaal Toegang', 'amount').textContent(), { timeout: 1_000 }).toBe('102.373');
  });

  it('refuses invalid input in place and changes nothing', async () => {
    await typeInto(anna, 'beheer', 'PKIOverheid', 'amount', 'twaalf');
    await expect.poll(() => grid(anna, 'beheer').getByRole('alert').textContent()).toContain('geen bedrag');
    expect(await text(anna, 'beheer', 'PKIOverheid', 'amount')).toBe('2.763');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await text(bert, 'beheer', 'PKIOverheid', 'amount')).toBe('2.763');
  });

  it('lands a block pasted from Excel whole, or not at all', async () => {
    await cell(anna, 'beheer', 'Overheid.nl', 'amount').click();
    const paste = (data: string) =>
      grid(anna, 'beheer').locator('.ag-cell-focus').evaluate((element, tsv) => {
        const transfer = new DataTransfer();
        transfer.setData('text/plain', tsv);
        element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, composed: true }));
      }, data);
    await paste('1.111\tKOOP\n2.222\tLogius\n');
    await expect.poll(() => text(bert, 'beheer', 'Overheid.nl', 'amount'), { timeout: 2_000 }).toBe('1.111');
    await expect.poll(() => text(bert, 'beheer', 'Register van Overheidsorganisaties', 'amount')).toBe('2.222');
    expect(await text(bert, 'beheer', 'Register van Overheidsorganisaties', 'note')).toBe('Logius');

    await cell(anna, 'beheer', 'Overheid.nl', 'amount').click();
    await paste('9.999\nnot a number\n');
    await expect.poll(() => grid(anna, 'beheer').getByRole('alert').textContent()).toContain('Niets geplakt');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await text(bert, 'beheer', 'Overheid.nl', 'amount')).toBe('1.111');
  });

  it("undoes only one's own edit", async () => {
    await typeInto(anna, 'beheer', 'Diginetwerk', 'amount', '1.700');
    await typeInto(bert, 'beheer', 'Forum Standaardisatie', 'amount', '3.400');
    await expect.poll(() => text(anna, 'beheer', 'Forum Standaardisatie', 'amount'), { timeout: 2_000 }).toBe('3.400');
    await expect.poll(() => text(bert, 'beheer', 'Diginetwerk', 'amount'), { timeout: 2_000 }).toBe('1.700');
    await cell(anna, 'beheer', 'Diginetwerk', 'bouwsteen').click();
    await anna.keyboard.press('Control+z');
    await expect.poll(() => text(bert, 'beheer', 'Diginetwerk', 'amount'), { timeout: 2_000 }).toBe('1.664');
    expect(await text(anna, 'beheer', 'Forum Standaardisatie', 'amount')).toBe('3.400');
    expect(await text(bert, 'beheer', 'Forum Standaardisatie', 'amount')).toBe('3.400');
  });

  it('keeps an edit made offline, across a reload, and merges it when the connection returns', async () => {
    const ctx = anna.context();
    await ctx.setOffline(true);
    await expect.poll(() => anna.locator('[data-state]').first().getAttribute('data-state'), { timeout: 5_000 }).toBe('offline');
    await typeInto(anna, 'beheer', 'Samenwerkende Catalogi SDG', 'amount', '300');
    await expect.poll(() => text(anna, 'beheer', 'Samenwerkende Catalogi SDG', 'amount')).toBe('300');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await text(bert, 'beheer', 'Samenwerkende Catalogi SDG', 'amount')).toBe('218');

    // Back online, but the sync connection stays cut while the page reloads: the edit survives in
    // the browser alone.
    let cut = true;
    await ctx.routeWebSocket(/\/sync\//, (ws) => (cut ? ws.close() : ws.connectToServer()));
    await ctx.setOffline(false);
    await anna.reload();
    await cell(anna, 'beheer', 'Samenwerkende Catalogi SDG', 'amount').waitFor();
    await expect.poll(() => text(anna, 'beheer', 'Samenwerkende Catalogi SDG', 'amount')).toBe('300');
    expect(await text(bert, 'beheer', 'Samenwerkende Catalogi SDG', 'amount')).toBe('218');

    cut = false;
    await expect.poll(() => text(bert, 'beheer', 'Samenwerkende Catalogi SDG', 'amount'), { timeout: 15_000 }).toBe('300');
    await waitSynced(anna);
  });
});

describe('a viewer', () => {
  it('sees everything and can change nothing, not even by writing to the document directly', async () => {
    const ctx = await context();
    const viewer = await joinBoard(ctx, await inviteUrl(server, 'viewer'), 'Vera');
    const editor = await joinBoard(await context(), await inviteUrl(server, 'editor'), 'Eva');
    await expect.poll(() => viewer.getByText('Alleen lezen').first().isVisible()).toBe(true);
    expect(await grid(viewer, 'beheer').getByRole('button', { name: 'Rij toevoegen' }).count()).toBe(0);

    const before = await text(viewer, 'beheer', 'DigiD', 'amount');
    await cell(viewer, 'beheer', 'DigiD', 'amount').dblclick();
    expect(await grid(viewer, 'beheer').locator('.ag-cell-editor input').count()).toBe(0);

    // A forced write into the viewer's own copy of the board goes nowhere.
    await viewer.evaluate(() => {
      const board = document.querySelector('planbord-app')!.shadowRoot!.querySelector('board-page')!;
      const sheet = board.shadowRoot!.querySelector('sheet-grid') as unknown as { connection: { doc: { getMap(name: string): Map<string, { set(k: string, v: unknown): void }> } } };
      const rows = sheet.connection.doc.getMap('beheer');
      for (const row of rows.values()) row.set('amount', 1);
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await text(editor, 'beheer', 'DigiD', 'amount')).toBe(before);
  });
});

describe('accessibility', () => {
  it('has no serious or critical axe violations on any page', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    const scan = async (label: string) => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${label}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
    };
    await page.goto(server.url);
    await page.getByLabel('Beheerderstoken').waitFor();
    await scan('sign-in');
    await page.goto((await inviteUrl(server, 'chair')).replace('/join#', '/join#'));
    await page.getByLabel('Uw naam, zoals anderen die zien').waitFor();
    await scan('join');
    await page.getByLabel('Uw naam, zoals anderen die zien').fill('Chantal');
    await page.getByRole('button', { name: 'Deelnemen' }).click();
    await waitSynced(page);
    for (const tab of ['Beheer & exploitatie', 'Vernieuwing', 'Roadmap', 'Tijdlijn', 'Dashboard', 'Uitnodigingen']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(tab === 'Dashboard' ? 1_500 : 300);
      await scan(tab);
    }
  }, 120_000);
});
