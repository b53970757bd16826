// Who is signed in and which page to show: sign in, join through an invite link, the list of boards,
// or a board. Invite and admin links carry their token in the URL fragment, which never reaches the
// server (or its logs); it is read here and removed from the address bar at once.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { api, type BoardSummary, type InvitePreview, type Me } from './api.ts';

export type Page =
  | { name: 'loading' }
  | { name: 'sign-in' }
  /** invite: where the link leads once the server has said so; null until then, or if it cannot. */
  | { name: 'join'; token: string; invite: InvitePreview | null }
  | { name: 'boards' }
  | { name: 'board'; id: string };

const INVALID_INVITE = 'Deze uitnodigingslink is niet (meer) geldig. Vraag de voorzitter om een nieuwe.';
const BOARD_PATH = /^\/board\/([A-Za-z0-9_-]{1,64})$/;

export class SessionController implements ReactiveController {
  page: Page = { name: 'loading' };
  me: Me | null = null;
  boards: BoardSummary[] = [];
  error = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.route);
    void this.start();
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.route);
  }

  boardTitle(id: string): string {
    return this.boards.find((board) => board.id === id)?.title ?? id;
  }

  private async start(): Promise<void> {
    const token = location.hash.slice(1);
    if (location.pathname === '/login' && token) {
      history.replaceState(null, '', '/');
      const result = await api.login(token);
      if (!result.ok) this.error = 'Deze inloglink is niet (meer) geldig.';
    } else if (location.pathname === '/join' && token) {
      history.replaceState(null, '', '/join');
      this.show({ name: 'join', token, invite: null });
      void this.previewInvite(token);
      return;
    }
    await this.route();
  }

  readonly route = async (): Promise<void> => {
    const me = await api.me();
    this.me = me.ok ? me.value : null;
    if (!this.me) return this.show({ name: 'sign-in' });
    const boards = await api.boards();
    this.boards = boards.ok ? boards.value : [];
    const match = BOARD_PATH.exec(location.pathname);
    if (match) return this.show({ name: 'board', id: match[1]! });
    // A member belongs to one board; an admin with one board needs no list either. A damaged board
    // cannot be opened: the list says so, and offers the admin its repair.
    const only = this.me.kind === 'member' ? this.me.boardId : this.boards.length === 1 ? this.boards[0]!.id : null;
    if (only && !this.boards.find((board) => board.id === only)?.damaged) return this.go(`/board/${only}`);
    this.show({ name: 'boards' });
  };

  /** After a repair: the list again, as the server now sees it. */
  async reloadBoards(): Promise<void> {
    const boards = await api.boards();
    if (boards.ok) this.boards = boards.value;
    this.host.requestUpdate();
  }

  go(path: string): void {
    history.pushState(null, '', path);
    void this.route();
  }

  async signIn(adminToken: string): Promise<void> {
    const result = await api.login(adminToken.trim());
    this.error = result.ok ? '' : result.error.status === 0 ? result.error.message : 'Dit beheerderstoken is niet juist.';
    if (result.ok) await this.route();
    else this.host.requestUpdate();
  }

  /** Says where the link leads, or that it is dead, while the person still has to type a name. */
  private async previewInvite(token: string): Promise<void> {
    const result = await api.invite(token);
    if (this.page.name !== 'join' || this.page.token !== token) return;
    if (result.ok) this.page = { ...this.page, invite: result.value };
    else if (result.error.status === 401) this.error = INVALID_INVITE;
    this.host.requestUpdate();
  }

  async join(displayName: string): Promise<void> {
    if (this.page.name !== 'join') return;
    const name = displayName.trim();
    if (!name) {
      this.error = 'Vul uw naam in.';
      this.host.requestUpdate();
      return;
    }
    const result = await api.join(this.page.token, name);
    if (!result.ok) {
      this.error = result.error.status === 401 ? INVALID_INVITE : `Deelnemen lukt niet: ${result.error.message}`;
      this.host.requestUpdate();
      return;
    }
    this.error = '';
    this.go(`/board/${result.value.boardId}`);
  }

  async signOut(): Promise<void> {
    await api.logout();
    this.me = null;
    this.go('/');
  }

  private show(page: Page): void {
    this.page = page;
    this.host.requestUpdate();
  }
}
