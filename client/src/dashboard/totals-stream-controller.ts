// The board's totals as the server computes them, live from its Server-Sent Events stream. While the
// stream is down (offline, server restarting) the totals of this browser's own copy stand in, and the
// dashboard says so.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BoardTotals } from '../../../shared/totals/types.ts';
import type { ConnectionController } from '../board/connection-controller.ts';

export type TotalsSource = 'server' | 'local';

export class TotalsStreamController implements ReactiveController {
  totals: BoardTotals | null = null;
  source: TotalsSource = 'local';
  /** True after the stream failed, until it delivers again. */
  down = false;
  private stream?: EventSource;
  private stopLocal?: () => void;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly connection: ConnectionController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.connection.available) return;
    const { boardId } = this.connection.connection;
    this.stream = new EventSource(`/api/boards/${encodeURIComponent(boardId)}/totals/stream`);
    this.stream.addEventListener('totals', (event) => {
      this.stopFallback();
      this.totals = JSON.parse((event as MessageEvent<string>).data) as BoardTotals;
      this.source = 'server';
      this.down = false;
      this.host.requestUpdate();
    });
    this.stream.addEventListener('error', () => {
      this.down = true;
      this.fallBack();
    });
    // Until the first event, show what this browser knows.
    this.fallBack();
  }

  hostDisconnected(): void {
    this.stream?.close();
    this.stream = undefined;
    this.stopFallback();
  }

  private fallBack(): void {
    if (this.stopLocal || !this.connection.available) return;
    const live = this.connection.connection.totals;
    const show = () => {
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.totals = live.totals();
        this.source = 'local';
        this.host.requestUpdate();
      });
    };
    this.stopLocal = live.onChange(show);
    show();
  }

  private stopFallback(): void {
    this.stopLocal?.();
    this.stopLocal = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
