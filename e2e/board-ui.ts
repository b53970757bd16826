// Driving the board page: joining through invite links, finding and editing grid cells.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { E2E_ADMIN_TOKEN, type RunningServer } from './server-process.ts';

export async function adminApi(server: RunningServer, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function inviteUrl(server: RunningServer, role: 'chair' | 'editor' | 'viewer', boardId = 'gdi-2025'): Promise<string> {
  const response = await adminApi(server, `/api/boards/${boardId}/invites`, { role });
  return ((await response.json()) as { url: string }).url;
}

/** Opens an invite link in a new page, enters a name, and waits for the board to be synced. */
export async function joinBoard(context: BrowserContext, url: string, name: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('Uw naam, zoals anderen die zien').fill(name);
  await page.getByRole('button', { name: 'Deelnemen' }).click();
  await waitSynced(page);
  return page;
}

export async function waitSynced(page: Page): Promise<void> {
  await page.locator('[data-state="connected"]').waitFor({ timeout: 15_000 });
  await gridRow(page, 'beheer', 'DigiD').first().waitFor({ timeout: 15_000 });
}

export function grid(page: Page, sheet: string): Locator {
  return page.locator(`#panel-${sheet} sheet-grid`);
}

export function gridRow(page: Page, sheet: string, text: string): Locator {
  return grid(page, sheet).locator('.ag-grid-scrolling-container [role="row"]').filter({ hasText: text });
}

export function cell(page: Page, sheet: string, rowText: string, field: string): Locator {
  return gridRow(page, sheet, rowText).first().locator(`[col-id="${field}"]`);
}

export function totalCell(page: Page, sheet: string, label: string, field: string): Locator {
  return grid(page, sheet).locator('.ag-grid-pinned-bottom-rows-container [role="row"]').filter({ hasText: label }).first().locator(`[col-id="${field}"]`);
}

/** Types a value into a cell as a person does: double-click, select all, type, Enter. */
export async function typeInto(page: Page, sheet: string, rowText: string, field: string, value: string): Promise<void> {
  const target = cell(page, sheet, rowText, field);
  await target.dblclick();
  const editor = cellEditor(page, sheet);
  await editor.waitFor();
  await editor.fill(value);
  await editor.press('Enter');
}

/** The input of the cell editor that is open on a sheet. */
export function cellEditor(page: Page, sheet: string): Locator {
  return grid(page, sheet).locator('.ag-cell-editor input, .ag-cell-inline-editing input, .ag-large-text textarea').first();
}

/** Types into a cell and waits until the editor has closed, i.e. the grid took the value. */
export async function enterValue(page: Page, sheet: string, rowText: string, field: string, value: string): Promise<void> {
  await typeInto(page, sheet, rowText, field, value);
  await cellEditor(page, sheet).waitFor({ state: 'detached', timeout: 5_000 });
}
