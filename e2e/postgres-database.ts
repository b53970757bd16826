// A fresh PostgreSQL database for one end-to-end test, created and dropped through DATABASE_URL, so
// the server process under test starts on an empty database as at a first start.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export interface PostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createPostgresDatabase(adminUrl: string): Promise<PostgresDatabase> {
  const name = `planbord_e2e_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      try {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await admin.end({ timeout: 5 });
      }
    },
  };
}
