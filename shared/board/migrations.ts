// The board document carries a schema version; these named migrations bring an older document up
// to date when it is loaded, before its first sync. A migration must be idempotent: two servers
// (or a server and an offline client) may run it on the same board.
import type * as Y from 'yjs';
import { DOMAINS } from '../domain.ts';
import { err, ok, type Result } from '../result.ts';
import { metaMap, readMeta, settingsMap } from './board-doc.ts';

export interface BoardMigration {
  version: number;
  name: string;
  up(doc: Y.Doc): void;
}

function setIfMissing(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (!map.has(key)) map.set(key, value);
}

export const BOARD_MIGRATIONS: readonly BoardMigration[] = [
  {
    version: 1,
    name: 'settings-defaults',
    up(doc) {
      const settings = settingsMap(doc);
      setIfMissing(settings, 'renewalBudget', 'none');
      for (const domain of DOMAINS) setIfMissing(settings, `ceiling:${domain}`, 'none');
    },
  },
];

export const SCHEMA_VERSION = BOARD_MIGRATIONS.at(-1)?.version ?? 0;

export interface MigrationReport {
  from: number;
  to: number;
  applied: string[];
}

export function migrateBoard(doc: Y.Doc, migrations: readonly BoardMigration[] = BOARD_MIGRATIONS): Result<MigrationReport> {
  const from = readMeta(doc).schemaVersion;
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    return err(`Dit bord heeft schemaversie ${from}; deze Planbord kent versies tot en met ${latest}.`);
  }
  const applied: string[] = [];
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    doc.transact(() => {
      migration.up(doc);
      metaMap(doc).set('schemaVersion', migration.version);
    }, { kind: 'migration', name: migration.name });
    applied.push(migration.name);
  }
  return ok({ from, to: Math.max(from, latest), applied });
}
