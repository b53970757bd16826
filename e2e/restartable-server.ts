// The server process for the durability tests: one database for the whole test (a fresh PostgreSQL
// database when DATABASE_URL is set, else PGlite in a temporary folder), a fixed port so it can die
// and come back where its clients expect it, and proxies the test can cut: between the clients and
// the server (so a restarted server can be read before any client reconnects), and optionally
// between the server and PostgreSQL (a database outage).
import { rm } from 'node:fs/promises';
import { createPostgresDatabase, type PostgresDatabase } from './postgres-database.ts';
import { freePort, newDataDir, startServer, type RunningServer } from './server-process.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

export interface RestartableServer {
  readonly on: 'PostgreSQL' | 'PGlite';
  /** The server process started last. */
  readonly current: RunningServer;
  /** The server's address through the clients' proxy. */
  readonly url: string;
  /** Between the clients and the server. */
  readonly clients: TcpProxy;
  /** Between the server and PostgreSQL, when asked for. */
  readonly database: TcpProxy | null;
  /** Starts the server again on the same database and port (once the last one has stopped). */
  restart(): Promise<RunningServer>;
  close(): Promise<void>;
}

export async function startRestartableServer(options: { proxyDatabase?: boolean } = {}): Promise<RestartableServer> {
  const adminUrl = process.env.DATABASE_URL;
  if (options.proxyDatabase && !adminUrl) throw new Error('a database proxy needs DATABASE_URL');
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer().catch(() => {});
  };
  try {
    let database: PostgresDatabase | null = null;
    let databaseProxy: TcpProxy | null = null;
    const env: Record<string, string> = {};
    if (adminUrl) {
      const created = await createPostgresDatabase(adminUrl);
      database = created;
      closers.push(() => created.drop());
      const url = new URL(created.url);
      if (options.proxyDatabase) {
        const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
        databaseProxy = proxy;
        closers.push(() => proxy.close());
        url.hostname = '127.0.0.1';
        url.port = String(proxy.port);
      }
      env.DATABASE_URL = url.toString();
    }
    const dataDir = newDataDir();
    closers.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    let current = await startServer({ dataDir, port, env });
    closers.push(() => current.stop('SIGKILL'));
    const clients = await startTcpProxy({ host: '127.0.0.1', port });
    closers.push(() => clients.close());
    return {
      on: database ? 'PostgreSQL' : 'PGlite',
      get current() {
        return current;
      },
      url: `http://127.0.0.1:${clients.port}`,
      clients,
      database: databaseProxy,
      async restart() {
        current = await startServer({ dataDir, port, env });
        return current;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
