// A whole meeting of a programmeringstafel: the chair opens a session, two members edit at once,
// the chair agrees a snapshot, exports it as XLSX, and the file holds the agreed values.
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openBrowser } from './browser.ts';
import { cell, inviteUrl, joinBoard, typeInto } from './board-ui.ts';
import { screenshot } from './screenshots.ts';
import { startServer, type RunningServer } from './server-process.ts';

let server: RunningServer;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await Promise.all(closers.map((close) => close().catch(() => {})));
  await server?.stop('SIGKILL');
});

async function member(role: 'chair' | 'editor', name: string): Promise<Page> {
  const context = await openBrowser();
  closers.push(() => context.close());
  return joinBoard(context, await inviteUrl(server, role), name);
}

/** A call to the API from inside the page, with that person's own session cookie. */
async function call(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ([method, path, body]) => {
      const response = await fetch(path as string, {
        method: method as string,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json().catch(() => null) };
    },
    [method, path, body] as const,
  );
}

async function snapshotId(page: Page): Promise<string> {
  const list = (await call(page, 'GET', '/api/boards/gdi-2025/snapshots')).json as { id: string; name: string }[];
  return list.find((s) => s.name === 'Vastgesteld Toegang')!.id;
}

it('runs a meeting from opening the session to the exported agreed plan', async () => {
  const chair = await member('chair', 'Voorzitter Toegang');
  const anna = await member('editor', 'Anna');
  const bert = await member('editor', 'Bert');

  await chair.getByRole('tab', { name: 'Sessie' }).click();
  await chair.getByLabel('Titel van de sessie').fill('Programmeringstafel Toegang');
  await chair.getByRole('button', { name: 'Sessie openen' }).click();
  await chair.getByRole('heading', { name: 'Sessie: Programmeringstafel Toegang' }).waitFor();

  // Two people edit at once, each their own line.
  await Promise.all([typeInto(anna, 'beheer', 'DigiD Machtigen', 'amount', '30.000'), typeInto(bert, 'beheer', 'eHerkenning', 'amount', '5.100')]);
  // The chair watches the change log fill in, with who made each change.
  const changeLog = chair.getByLabel('Wijzigingen in deze sessie');
  await expect.poll(() => changeLog.textContent(), { timeout: 5_000 }).toContain('30.000');
  await expect.poll(() => changeLog.textContent(), { timeout: 5_000 }).toContain('5.100');
  expect(await changeLog.textContent()).toContain('Anna');
  expect(await changeLog.textContent()).toContain('Bert');
  await screenshot(chair, 'sessie');
  const axe = await new AxeBuilder({ page: chair }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  const log = (await call(chair, 'GET', '/api/boards/gdi-2025/sessions/current')).json as { changes: { author: string; after: unknown }[]; attendees: { name: string }[] };
  await expect.poll(async () => ((await call(chair, 'GET', '/api/boards/gdi-2025/sessions/current')).json as typeof log).changes.length).toBe(2);
  expect(log.attendees.map((a) => a.name)).toEqual(expect.arrayContaining(['Anna', 'Bert', 'Voorzitter Toegang']));

  await chair.getByLabel('Vaststellen als').fill('Vastgesteld Toegang');
  await chair.getByRole('button', { name: 'Vaststellen en sessie sluiten' }).click();
  const agreedRow = chair.getByRole('row').filter({ hasText: 'Vastgesteld Toegang' });
  await agreedRow.waitFor();
  expect(await agreedRow.textContent()).toContain('vastgesteld');
  expect((await call(chair, 'GET', '/api/boards/gdi-2025/sessions/current')).status).toBe(404);

  // Editing goes on after the meeting; the agreed plan does not move.
  await typeInto(anna, 'beheer', 'DigiD Machtigen', 'amount', '31.000');
  await expect.poll(async () => (await call(chair, 'GET', '/api/boards/gdi-2025/compare?from=' + (await snapshotId(chair)) + '&to=live')).json).toMatchObject({
    sheets: { beheer: { changed: [expect.objectContaining({ field: 'amount', before: 30_000_000, after: 31_000_000 })] } },
  });

  const download = chair.waitForEvent('download');
  await agreedRow.getByRole('link', { name: 'Excel' }).click();
  const file = await (await download).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Beheer en exploitatie')!;
  const amountOf = (name: string) => {
    const row = sheet.getColumn(2).values.indexOf(name);
    return sheet.getCell(`E${row}`).value;
  };
  expect(amountOf('DigiD Machtigen')).toBe(30_000);
  expect(amountOf('eHerkenning')).toBe(5_100);
  const session = workbook.getWorksheet('Sessie')!;
  const authors = session.getColumn(2).values;
  expect(authors).toEqual(expect.arrayContaining(['Anna', 'Bert']));
}, 120_000);
