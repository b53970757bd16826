// A TCP proxy a test can break, to make a peer unreachable without stopping it: the database behind
// the server, or the server behind its clients. Two ways to break it, as networks do: `cut` drops
// every open connection and refuses new ones (they are accepted and dropped at once); `stall` keeps
// every connection open but carries no byte either way, like a partition. `restore` ends either.
import { createServer, connect, type Socket } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  cut(): void;
  stall(): void;
  restore(): void;
  close(): Promise<void>;
}

interface Pair {
  incoming: Socket;
  outgoing: Socket;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let state: 'open' | 'cut' | 'stalled' = 'open';
  const drop = (pair: Pair) => {
    pairs.delete(pair);
    pair.incoming.destroy();
    pair.outgoing.destroy();
  };
  const link = ({ incoming, outgoing }: Pair) => {
    incoming.pipe(outgoing);
    outgoing.pipe(incoming);
  };
  const server = createServer((incoming) => {
    if (state === 'cut') return void incoming.destroy();
    const pair: Pair = { incoming, outgoing: connect(target.port, target.host) };
    pairs.add(pair);
    // A peer that goes away takes its partner with it, as a real connection would.
    for (const socket of [pair.incoming, pair.outgoing]) {
      socket.on('error', () => drop(pair));
      socket.on('close', () => drop(pair));
    }
    if (state === 'open') link(pair);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('proxy has no port');
  return {
    port: address.port,
    cut() {
      state = 'cut';
      [...pairs].forEach(drop);
    },
    stall() {
      state = 'stalled';
      // Unpiped sockets stop reading: what the peers send waits in the kernel's buffers.
      for (const { incoming, outgoing } of pairs) {
        incoming.unpipe(outgoing);
        outgoing.unpipe(incoming);
      }
    },
    restore() {
      if (state === 'stalled') pairs.forEach(link);
      state = 'open';
    },
    close() {
      state = 'cut';
      [...pairs].forEach(drop);
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
