// A whole meeting of a programmeringstafel: the chair opens a session, two members edit at once,
// the chair agrees a snapshot, exports it as XLSX, and the file holds the agreed values.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openBrowser } from './browser.ts';
import { cell, inviteUrl, joinBoard, typeInto } from './board-ui.ts';
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

it('runs a meeting from opening the session to the exported agreed plan', async () => {
  const chair = await member('chair', 'Voorzitter Toegang');
  const anna = await member('editor', 'Anna');
  const bert = await member('editor', 'Bert');

  const opened = await call(chair, 'POST', '/api/boards/gdi-2025/sessions', { title: 'Programmeringstafel Toegang' });
  expect(opened.status).toBe(201);

  // Two people edit at once, each their own line.
  await Promise.all([typeInto(anna, 'beheer', 'DigiD Machtigen', 'amount', '30.000'), typeInto(bert, 'beheer', 'eHerkenning', 'amount', '5.100')]);
  await expect.poll(() => cell(chair, 'beheer', 'DigiD Machtigen', 'amount').textContent(), { timeout: 2_000 }).toBe('30.000');
  await expect.poll(() => cell(chair, 'beheer', 'eHerkenning', 'amount').textContent(), { timeout: 2_000 }).toBe('5.100');

  const log = (await call(chair, 'GET', '/api/boards/gdi-2025/sessions/current')).json as { changes: { author: string; after: unknown }[]; attendees: { name: string }[] };
  await expect.poll(async () => ((await call(chair, 'GET', '/api/boards/gdi-2025/sessions/current')).json as typeof log).changes.length).toBe(2);
  expect(log.attendees.map((a) => a.name)).toEqual(expect.arrayContaining(['Anna', 'Bert', 'Voorzitter Toegang']));

  const agreed = await call(chair, 'POST', '/api/boards/gdi-2025/snapshots', { name: 'Vastgesteld Toegang', agreed: true });
  expect(agreed.status).toBe(201);
  const snapshotId = (agreed.json as { id: string }).id;

  // Editing goes on after the meeting; the agreed plan does not move.
  await typeInto(anna, 'beheer', 'DigiD Machtigen', 'amount', '31.000');
  await expect.poll(() => cell(chair, 'beheer', 'DigiD Machtigen', 'amount').textContent(), { timeout: 2_000 }).toBe('31.000');

  const download = chair.waitForEvent('download');
  await chair.evaluate((url) => {
    const link = document.createElement('a');
    link.href = url;
    document.body.append(link);
    link.click();
  }, `/api/boards/gdi-2025/snapshots/${snapshotId}/export?format=xlsx`);
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
