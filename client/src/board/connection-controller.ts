// Gives an element the board's connection (from context) and re-renders it when the connection
// reports one of the events the element shows.
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BoardConnection, ConnectionEvent } from './board-connection.ts';
import { connectionContext } from './connection-context.ts';

export class ConnectionController implements ReactiveController {
  private readonly consumer: ContextConsumer<typeof connectionContext, ReactiveControllerHost & HTMLElement>;
  private watched?: BoardConnection;
  private readonly refresh = () => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly events: readonly ConnectionEvent[] = [],
  ) {
    this.consumer = new ContextConsumer(host, { context: connectionContext, subscribe: true, callback: (connection) => this.watch(connection) });
    host.addController(this);
  }

  /** The connection; elements using this controller render only inside a board page. */
  get connection(): BoardConnection {
    const connection = this.consumer.value;
    if (!connection) throw new Error('No board connection in context: render this element inside <board-page>.');
    return connection;
  }

  get available(): boolean {
    return this.consumer.value !== undefined;
  }

  private watch(connection: BoardConnection): void {
    if (this.watched === connection) return;
    this.unwatch();
    this.watched = connection;
    for (const event of this.events) connection.addEventListener(event, this.refresh);
    this.host.requestUpdate();
  }

  private unwatch(): void {
    for (const event of this.events) this.watched?.removeEventListener(event, this.refresh);
    this.watched = undefined;
  }

  hostConnected(): void {
    if (this.consumer.value) this.watch(this.consumer.value);
  }

  hostDisconnected(): void {
    this.unwatch();
  }
}
