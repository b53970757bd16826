// Hocuspocus 4 with no extensions (no persistence, no auth): a baseline for bench/fanout.
import { Server } from '@hocuspocus/server';

const server = new Server({ port: Number(process.env.PORT), address: '127.0.0.1', quiet: true, stopOnSignals: true });
await server.listen();
console.log('ready');
