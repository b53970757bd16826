// Attack: PGlite created the database's files world-writable (0666 under umask 022): any local
// user could read the budget or change it on disk. The data folder is now 0700 and every file 0600,
// after the first start, after writes and after a reopen.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, migrateDb } from '../../db/create-db.ts';
import { rawQuery } from '../../db/test-databases.ts';

const SLOW = 120_000;
const parent = mkdtempSync(path.join(os.tmpdir(), 'planbord-files-'));

/** Every path below `dir` whose mode lets anyone but the owner in, with that mode. */
function opened(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const mode = statSync(file).mode & 0o777;
    const expected = entry.isDirectory() ? 0o700 : 0o600;
    if (mode !== expected) found.push(`${path.relative(dir, file)} ${mode.toString(8)}`);
  }
  return found;
}

describe('PGlite data files', () => {
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('are the server\'s alone: folder 0700, files 0600, through start, writes and reopen', async () => {
    const dataDir = path.join(parent, 'nested', 'data');
    const first = await createDb({ dataDir });
    await migrateDb(first);
    expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
    expect(opened(dataDir)).toEqual([]);
    await rawQuery(first, 'create table scratch (n int)');
    await rawQuery(first, 'insert into scratch select generate_series(1, 20000)');
    await first.close();
    expect(opened(dataDir)).toEqual([]);

    const again = await createDb({ dataDir });
    expect(await rawQuery(again, 'select count(*)::int as n from scratch')).toEqual([{ n: 20000 }]);
    expect(opened(dataDir)).toEqual([]);
    await again.close();
    expect(opened(dataDir)).toEqual([]);
  }, SLOW);
});
