// The board in real browsers: two people editing at once, a viewer, offline edits, invalid input,
// paste from Excel, undo of one's own edits, and an accessibility scan of every page.
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './browser.ts';
import { adminApi, cell, cellEditor, enterValue, grid, gridRow, inviteUrl, joinBoard, totalCell, typeInto, waitSynced } from './board-ui.ts';
import { screenshot } from './screenshots.ts';
import { E2E_ADMIN_TOKEN, startServer, type RunningServer } from './server-process.ts';

let server: RunningServer;
const contexts: BrowserContext[] = [];

async function context(): Promise<BrowserContext> {
  const opened = await openBrowser();
  contexts.push(opened);
  return opened;
}

const text = (page: Page, sheet: string, row: string, field: string) => cell(page, sheet, row, field).textContent();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The text of the row that holds keyboard focus in a sheet's grid. */
const focusedRowText = (page: Page, sheet: string) =>
  grid(page, sheet).locator('.ag-cell-focus').first().evaluate((element) => element.closest('[role="row"]')?.textContent ?? '');

/** Pastes text as Excel puts it on the clipboard, onto the focused cell of a sheet. */
const pasteInto = (page: Page, sheet: string, tsv: string) =>
  grid(page, sheet).locator('.ag-cell-focus').evaluate((element, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, composed: true }));
  }, tsv);

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
    expect(await totalCell(bert, 'beheer', 'Totaal B&E', 'amount').textContent()).toBe('263.681');
    // The 2025 plan as published, before anyone edits it.
    await expect.poll(() => anna.getByRole('list', { name: 'Aanwezig op dit bord' }).textContent()).toContain('Bert');
    await screenshot(anna, 'beheer');

    await typeInto(anna, 'beheer', 'DigiD Machtigen', 'amount', '30.394');
    const started = Date.now();
    await expect.poll(() => text(bert, 'beheer', 'DigiD Machtigen', 'amount'), { timeout: 1_000, interval: 25 }).toBe('30.394');
    await expect.poll(() => totalCell(bert, 'beheer', 'Totaal B&E', 'amount').textContent(), { timeout: 1_000, interval: 25 }).toBe('264.681');
    expect(Date.now() - started).toBeLessThan(1_000);

    await typeInto(bert, 'beheer', 'eHerkenning', 'amount', '5000');
    await expect.poll(() => text(anna, 'beheer', 'eHerkenning', 'amount'), { timeout: 1_000, interval: 25 }).toBe('5.000');
    await expect.poll(() => totalCell(anna, 'beheer', 'Subtotaal Toegang', 'amount').textContent(), { timeout: 1_000 }).toBe('102.373');
  });

  it('shows who is here, and where the others are in the grid', async () => {
    const presence = anna.getByRole('list', { name: 'Aanwezig op dit bord' });
    await expect.poll(() => presence.textContent()).toContain('Bert');
    await cell(bert, 'beheer', 'Diginetwerk', 'opdrachtnemer').click();
    await expect.poll(() => gridRow(anna, 'beheer', 'Diginetwerk').first().locator('.cell-remote-cursor').count(), { timeout: 2_000 }).toBe(1);
  });

  it('keeps focus on the same row when someone else adds a row above it', async () => {
    const rows = () => grid(anna, 'beheer').locator('.ag-grid-scrolling-container [role="row"]').count();
    const before = await rows();
    await cell(anna, 'beheer', 'eIDAS RvIG', 'opdrachtnemer').click();
    await cell(bert, 'beheer', 'DigiD', 'bouwsteen').click();
    await grid(bert, 'beheer').getByRole('button', { name: 'Rij toevoegen' }).click();
    await expect.poll(rows, { timeout: 2_000 }).toBe(before + 1);
    expect(await focusedRowText(anna, 'beheer')).toContain('eIDAS RvIG');
    await bert.keyboard.press('Control+z');
  });

  it('refuses invalid input in place, says why, and changes nothing', async () => {
    await typeInto(anna, 'beheer', 'PKIOverheid', 'amount', 'twaalf');
    await expect.poll(() => grid(anna, 'beheer').getByRole('alert').textContent()).toContain('"twaalf" is geen bedrag');
    // The editor stays open with the wrong value, to be corrected or cancelled.
    expect(await cellEditor(anna, 'beheer').inputValue()).toBe('twaalf');
    await cellEditor(anna, 'beheer').press('Escape');
    await expect.poll(() => text(anna, 'beheer', 'PKIOverheid', 'amount')).toBe('2.763');
    await pause(500);
    expect(await text(bert, 'beheer', 'PKIOverheid', 'amount')).toBe('2.763');

    // Dutch notation is read as Dutch: a comma is a decimal, a dot separates thousands.
    await enterValue(anna, 'beheer', 'PKIOverheid', 'amount', '2763,5');
    await expect.poll(() => text(bert, 'beheer', 'PKIOverheid', 'amount'), { timeout: 2_000 }).toBe('2.763,5');
    await enterValue(anna, 'beheer', 'PKIOverheid', 'amount', 'ntb');
    await expect.poll(() => text(bert, 'beheer', 'PKIOverheid', 'amount'), { timeout: 2_000 }).toBe('ntb');
    await enterValue(anna, 'beheer', 'PKIOverheid', 'amount', '2.763');
    await expect.poll(() => text(bert, 'beheer', 'PKIOverheid', 'amount'), { timeout: 2_000 }).toBe('2.763');
  });

  it('lands a block pasted from Excel whole, or not at all', async () => {
    await cell(anna, 'beheer', 'Overheid.nl', 'amount').click();
    await pasteInto(anna, 'beheer', '1.111\tKOOP\r\n2.222\tLogius\r\n');
    await expect.poll(() => text(bert, 'beheer', 'Overheid.nl', 'amount'), { timeout: 2_000 }).toBe('1.111');
    await expect.poll(() => text(bert, 'beheer', 'Register van Overheidsorganisaties', 'amount')).toBe('2.222');
    expect(await text(bert, 'beheer', 'Register van Overheidsorganisaties', 'note')).toBe('Logius');

    await cell(anna, 'beheer', 'Overheid.nl', 'amount').click();
    await pasteInto(anna, 'beheer', '9.999\nnot a number\n');
    await expect.poll(() => grid(anna, 'beheer').getByRole('alert').textContent()).toContain('Niets geplakt');
    expect(await grid(anna, 'beheer').getByRole('alert').textContent()).toContain('Rij 2');
    await pause(500);
    expect(await text(anna, 'beheer', 'Overheid.nl', 'amount')).toBe('1.111');
    expect(await text(bert, 'beheer', 'Overheid.nl', 'amount')).toBe('1.111');
  });

  it('takes a real Ctrl+V from the system clipboard', async () => {
    await anna.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await cell(anna, 'beheer', 'Overheid.nl', 'amount').click();
    await anna.evaluate(() => navigator.clipboard.writeText('1.234\n'));
    await anna.keyboard.press('Control+v');
    await expect.poll(() => text(bert, 'beheer', 'Overheid.nl', 'amount'), { timeout: 2_000 }).toBe('1.234');
  });

  it("undoes only one's own edit, and redoes it", async () => {
    await enterValue(anna, 'beheer', 'Diginetwerk', 'amount', '1.700');
    await enterValue(bert, 'beheer', 'Forum Standaardisatie', 'amount', '3.400');
    await expect.poll(() => text(anna, 'beheer', 'Forum Standaardisatie', 'amount'), { timeout: 2_000 }).toBe('3.400');
    await expect.poll(() => text(bert, 'beheer', 'Diginetwerk', 'amount'), { timeout: 2_000 }).toBe('1.700');
    await cell(anna, 'beheer', 'Diginetwerk', 'bouwsteen').click();
    await anna.keyboard.press('Control+z');
    await expect.poll(() => text(bert, 'beheer', 'Diginetwerk', 'amount'), { timeout: 2_000 }).toBe('1.664');
    expect(await text(anna, 'beheer', 'Forum Standaardisatie', 'amount')).toBe('3.400');
    expect(await text(bert, 'beheer', 'Forum Standaardisatie', 'amount')).toBe('3.400');
    await anna.keyboard.press('Control+y');
    await expect.poll(() => text(bert, 'beheer', 'Diginetwerk', 'amount'), { timeout: 2_000 }).toBe('1.700');
  });

  it('keeps an edit made offline, across a reload, and merges it when the connection returns', async () => {
    const ctx = anna.context();
    // Playwright routes only the sockets of pages loaded after the route is set: reload once, with
    // the sync connection passed through, so that it can be cut later.
    let cut = false;
    await ctx.routeWebSocket(/\/sync\//, (ws) => (cut ? ws.close() : ws.connectToServer()));
    await anna.reload();
    await waitSynced(anna);

    await ctx.setOffline(true);
    await expect.poll(() => anna.locator('[data-state]').first().getAttribute('data-state'), { timeout: 5_000 }).toBe('offline');
    await enterValue(anna, 'beheer', 'Samenwerkende Catalogi SDG', 'amount', '300');
    // The grid shows document changes on the next animation frame: wait for it rather than race it.
    await expect.poll(() => text(anna, 'beheer', 'Samenwerkende Catalogi SDG', 'amount'), { timeout: 2_000 }).toBe('300');
    expect(await anna.locator('[data-saved]').first().getAttribute('data-saved')).toBe('false');
    await pause(1_000);
    expect(await text(bert, 'beheer', 'Samenwerkende Catalogi SDG', 'amount')).toBe('218');

    // Back online, but the sync connection stays cut while the page reloads: the edit survives in
    // the browser alone.
    cut = true;
    await ctx.setOffline(false);
    await pause(500);
    await anna.reload();
    await expect.poll(() => text(anna, 'beheer', 'Samenwerkende Catalogi SDG', 'amount'), { timeout: 10_000 }).toBe('300');
    expect(await text(bert, 'beheer', 'Samenwerkende Catalogi SDG', 'amount')).toBe('218');

    cut = false;
    await expect.poll(() => text(bert, 'beheer', 'Samenwerkende Catalogi SDG', 'amount'), { timeout: 15_000 }).toBe('300');
    await waitSynced(anna);
    await expect.poll(() => anna.locator('[data-saved]').first().getAttribute('data-saved'), { timeout: 5_000 }).toBe('true');
  });
});

describe('the dashboard', () => {
  it('follows the board live, marks broken budget rules, and lets a chair set a ceiling', async () => {
    const chair = await joinBoard(await context(), await inviteUrl(server, 'chair'), 'Chris');
    const editor = await joinBoard(await context(), await inviteUrl(server, 'editor'), 'Erik');
    await chair.getByRole('tab', { name: 'Dashboard' }).click();
    const rules = chair.locator('totals-dashboard').getByRole('region', { name: 'Begrotingsregels' });
    await rules.waitFor();

    // Allocating more than was requested breaks a rule: the dashboard lists it, the grid marks the cell.
    await editor.getByRole('tab', { name: 'Vernieuwing' }).click();
    await enterValue(editor, 'vernieuwing', 'NL Veranderdetectie', 'allocated', '400');
    await expect.poll(() => rules.textContent(), { timeout: 2_000 }).toContain('NL Veranderdetectie');
    const marked = cell(editor, 'vernieuwing', 'NL Veranderdetectie', 'allocated');
    await expect.poll(() => marked.getAttribute('class'), { timeout: 2_000 }).toContain('cell-violation');
    expect(await marked.textContent()).toContain('hoger');
    await enterValue(editor, 'vernieuwing', 'NL Veranderdetectie', 'allocated', '378');
    await expect.poll(() => marked.getAttribute('class'), { timeout: 2_000 }).not.toContain('cell-violation');

    // A ceiling (kader) below what a domain spends shows as a broken rule, for everyone.
    const ceiling = chair.getByLabel('Kader Infrastructuur (x € 1.000)');
    await ceiling.fill('1.000');
    await ceiling.press('Enter');
    await expect.poll(() => rules.textContent(), { timeout: 2_000 }).toContain('Infrastructuur');
    await ceiling.fill('-');
    await ceiling.press('Enter');
    await expect.poll(() => rules.textContent(), { timeout: 2_000 }).not.toContain('Infrastructuur');

    // Nonsense is refused with the reason, and not written.
    await ceiling.fill('veel');
    await ceiling.press('Enter');
    await expect.poll(() => chair.locator('totals-dashboard').getByRole('alert').first().textContent()).toContain('geen bedrag');
  });
});

describe('the keyboard alone', () => {
  it('moves through the tabs, edits a cell, moves a row and undoes it', async () => {
    const page = await joinBoard(await context(), await inviteUrl(server, 'editor'), 'Kees');
    await page.getByRole('tab', { name: 'Beheer & exploitatie' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'Vernieuwing' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowLeft');

    await cell(page, 'beheer', 'NORA', 'amount').click();
    // Typing on a focused cell starts the editor with what was typed, as in Excel.
    await page.keyboard.type('760');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, 'beheer', 'NORA', 'amount')).toBe('760');

    const order = () => grid(page, 'beheer').locator('.ag-grid-scrolling-container [role="row"]').evaluateAll((rows) =>
      rows.sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index'))).map((row) => row.textContent?.split(' ')[0] ?? ''));
    await cell(page, 'beheer', 'Overheid.nl', 'bouwsteen').click();
    const before = await order();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await order()).indexOf(before[1]!)).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(order).toEqual(before);
  });
});

describe('an invite link', () => {
  it('says which board and role it leads to before a name is asked, and that a revoked one is dead', async () => {
    const page = await (await context()).newPage();
    await page.goto(await inviteUrl(server, 'editor'));
    await expect.poll(() => page.locator('form.card p').first().textContent(), { timeout: 5_000 }).toMatch(
      /U bent uitgenodigd voor\s*GDI-Programmeringsplan 2025\s*, als bewerker\./,
    );

    const created = await adminApi(server, '/api/boards/gdi-2025/invites', { role: 'viewer' });
    const invite = (await created.json()) as { id: string; url: string };
    const revoked = await fetch(`${server.url}/api/boards/gdi-2025/invites/${invite.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } });
    expect(revoked.status).toBe(200);
    const dead = await (await context()).newPage();
    await dead.goto(invite.url);
    await expect.poll(() => dead.getByRole('alert').textContent(), { timeout: 5_000 }).toContain('Deze uitnodigingslink is niet (meer) geldig');
  });
});

describe('a viewer', () => {
  it('sees everything and can change nothing, not even by writing to the document directly', async () => {
    const viewer = await joinBoard(await context(), await inviteUrl(server, 'viewer'), 'Vera');
    const editor = await joinBoard(await context(), await inviteUrl(server, 'editor'), 'Eva');
    await expect.poll(() => viewer.getByText('Alleen lezen').first().isVisible()).toBe(true);
    expect(await grid(viewer, 'beheer').getByRole('button', { name: 'Rij toevoegen' }).count()).toBe(0);
    expect(await viewer.getByRole('tab', { name: 'Uitnodigingen' }).count()).toBe(0);

    const before = await text(viewer, 'beheer', 'DigiD', 'amount');
    await cell(viewer, 'beheer', 'DigiD', 'amount').dblclick();
    await viewer.keyboard.press('Enter');
    expect(await cellEditor(viewer, 'beheer').count()).toBe(0);
    await pasteInto(viewer, 'beheer', '1\n');
    await expect.poll(() => grid(viewer, 'beheer').getByRole('alert').textContent()).toContain('Alleen lezen');

    // A forced write into the viewer's own copy of the board goes nowhere.
    await viewer.evaluate(() => {
      const board = document.querySelector('planbord-app')!.shadowRoot!.querySelector('board-page')!;
      const sheet = board.shadowRoot!.querySelector('sheet-grid') as unknown as {
        connection: { connection: { doc: { getMap(name: string): Map<string, { set(k: string, v: unknown): void }> } } };
      };
      const rows = sheet.connection.connection.doc.getMap('beheer');
      for (const row of rows.values()) row.set('amount', 1);
    });
    await pause(1_000);
    expect(await text(editor, 'beheer', 'DigiD', 'amount')).toBe(before);
  });
});

describe('accessibility', () => {
  async function scan(page: Page, label: string): Promise<void> {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${label}: ${v.id} (${v.nodes.length}) ${v.help} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  }

  it('has no serious or critical axe violations on any page', async () => {
    const page = await (await context()).newPage();
    await page.goto(server.url);
    await page.getByLabel('Beheerderstoken').waitFor();
    await scan(page, 'sign-in');
    await screenshot(page, 'sign-in');
    await page.goto(await inviteUrl(server, 'chair'));
    await page.getByLabel('Uw naam, zoals anderen die zien').waitFor();
    await scan(page, 'join');
    await screenshot(page, 'join');
    await page.getByLabel('Uw naam, zoals anderen die zien').fill('Chantal');
    await page.getByRole('button', { name: 'Deelnemen' }).click();
    await waitSynced(page);
    // The B&E grid was taken before the edits of the tests above (beheer.png).
    const views = { 'Beheer & exploitatie': null, Vernieuwing: 'vernieuwing', Roadmap: 'roadmap', Tijdlijn: 'tijdlijn', Dashboard: 'dashboard', Uitnodigingen: 'uitnodigingen' };
    for (const [tab, view] of Object.entries(views)) {
      await page.getByRole('tab', { name: tab }).click();
      if (tab === 'Dashboard') await page.locator('dashboard-charts figure').first().waitFor();
      else await page.waitForTimeout(300);
      await scan(page, tab);
      if (view) await screenshot(page, view);
    }
    // The delete dialog and a refused edit, open.
    await page.getByRole('tab', { name: 'Beheer & exploitatie' }).click();
    await typeInto(page, 'beheer', 'NORA', 'amount', 'fout');
    await grid(page, 'beheer').getByRole('alert').waitFor();
    await scan(page, 'refused edit');
    await cellEditor(page, 'beheer').press('Escape');
    await grid(page, 'beheer').getByRole('button', { name: 'Rij verwijderen…' }).click();
    await scan(page, 'delete dialog');
    await page.keyboard.press('Escape');

    const viewer = await joinBoard(await context(), await inviteUrl(server, 'viewer'), 'Victor');
    await scan(viewer, 'viewer');
    // Eleven scans of pages with large grids take axe 110-115 s on two cores: the limit leaves room.
  }, 300_000);
});
