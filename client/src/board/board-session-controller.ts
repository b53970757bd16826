// Opens the board's connection while the board page is on screen, closes it when the page goes, and
// provides it to everything inside the page.
import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Role } from '../../../shared/access/roles.ts';
import { BoardConnection, type BoardUser, type ConnectionEvent } from './board-connection.ts';
import { connectionContext } from './connection-context.ts';

export interface BoardSession {
  boardId: string;
  role: Role;
  user: BoardUser;
}

export class BoardSessionController implements ReactiveController {
  connection: BoardConnection | null = null;
  private readonly provider: ContextProvider<typeof connectionContext, ReactiveControllerHost & HTMLElement>;
  private readonly refresh = () => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly session: () => BoardSession | null,
    private readonly events: readonly ConnectionEvent[] = ['state'],
  ) {
    this.provider = new ContextProvider(host, { context: connectionContext });
    host.addController(this);
  }

  hostConnected(): void {
    const session = this.session();
    if (!session) return;
    const connection = new BoardConnection(session.boardId, session.role, session.user);
    for (const event of this.events) connection.addEventListener(event, this.refresh);
    this.connection = connection;
    this.provider.setValue(connection);
  }

  hostDisconnected(): void {
    this.connection?.destroy();
    this.connection = null;
  }
}
