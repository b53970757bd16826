import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DB_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(DB_DIR, '..');
const IMPORT = /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

describe('db imports', () => {
  it('reach only db/, shared/ and packages', async () => {
    const files = (await readdir(DB_DIR)).filter((file) => file.endsWith('.ts'));
    const wrong: string[] = [];
    for (const file of files) {
      const source = await readFile(join(DB_DIR, file), 'utf8');
      for (const match of source.matchAll(IMPORT)) {
        const specifier = match[1] ?? match[2] ?? '';
        if (!specifier.startsWith('.')) continue;
        const target = relative(ROOT, resolve(DB_DIR, specifier));
        if (!target.startsWith('db/') && !target.startsWith('shared/')) wrong.push(`${file} -> ${specifier}`);
      }
    }
    expect(files.length).toBeGreaterThan(3);
    expect(wrong).toEqual([]);
  });
});
