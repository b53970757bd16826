// The arrows point one way: shared/ imports nothing of ours; db/ imports shared/; server/ imports
// shared/ and db/; client/ imports shared/ only; e2e/ reaches the app over the network only (with the
// protocol and schema of shared/). This test fails when an import goes the wrong way.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const IMPORT = /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const ALLOWED: Record<string, readonly string[]> = {
  shared: ['shared'],
  db: ['db', 'shared'],
  server: ['server', 'db', 'shared'],
  client: ['client', 'shared'],
  e2e: ['e2e', 'shared'],
  // Benchmarks are a leaf like e2e/: they may drive the browser through e2e/'s harness.
  bench: ['bench', 'shared', 'db', 'server', 'e2e'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(name) ? [full] : [];
  });
}

describe('import direction', () => {
  it.each(Object.entries(ALLOWED))('%s/ imports only from %j', (folder, allowed) => {
    const wrong: string[] = [];
    const files = sourceFiles(path.join(ROOT, folder));
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const specifier = match[1] ?? match[2] ?? '';
        if (!specifier.startsWith('.')) continue;
        const target = path.relative(ROOT, path.resolve(path.dirname(file), specifier));
        const top = target.split(path.sep)[0] ?? '';
        if (!allowed.includes(top)) wrong.push(`${path.relative(ROOT, file)} -> ${specifier}`);
      }
    }
    expect(files.length).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});
