// The application shell: who is signed in, and which page to show (sign in, join through an invite
// link, the list of boards, or a board).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../board/board-page.ts';
import { api, type BoardSummary, type Me } from './api.ts';
import { baseStyles } from './styles.ts';

type Page = { name: 'loading' } | { name: 'sign-in' } | { name: 'join'; token: string } | { name: 'boards' } | { name: 'board'; id: string };

@customElement('planbord-app')
export class PlanbordApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; min-height: 100vh; background: #f6f7f9; }
      header { display: flex; align-items: center; gap: 1rem; padding: 0.6rem 1.25rem; background: #154273; color: white; }
      header a { color: white; font-weight: 700; font-size: 1.3rem; text-decoration: none; }
      header .who { margin-left: auto; }
      header button { background: white; color: #154273; }
      main { padding: 1.25rem; }
      form { display: flex; flex-direction: column; gap: 0.5rem; max-width: 26rem; background: white; padding: 1.25rem; border-radius: 6px; }
      ul.boards { list-style: none; padding: 0; display: grid; gap: 0.75rem; max-width: 40rem; }
      ul.boards a { display: block; padding: 1rem; background: white; border-radius: 6px; font-size: 1.2rem; font-weight: 600; }
    `,
  ];

  @state() private page: Page = { name: 'loading' };
  @state() private me: Me | null = null;
  @state() private boards: BoardSummary[] = [];
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.route);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.route);
  }

  private async start(): Promise<void> {
    // Invite and admin links carry their token in the fragment, which never reaches the server.
    const token = location.hash.slice(1);
    if (location.pathname === '/login' && token) {
      history.replaceState(null, '', '/');
      const result = await api.login(token);
      if (!result.ok) this.error = 'Deze inloglink is niet (meer) geldig.';
    } else if (location.pathname === '/join' && token) {
      history.replaceState(null, '', '/join');
      this.page = { name: 'join', token };
      return;
    }
    await this.route();
  }

  private readonly route = async () => {
    const me = await api.me();
    this.me = me.ok ? me.value : null;
    if (!this.me) {
      this.page = { name: 'sign-in' };
      return;
    }
    const match = /^\/board\/([A-Za-z0-9_-]+)$/.exec(location.pathname);
    if (match) {
      this.page = { name: 'board', id: match[1]! };
      return;
    }
    const boards = await api.boards();
    this.boards = boards.ok ? boards.value : [];
    if (this.me.kind === 'member' || this.boards.length === 1) return this.go(`/board/${this.me.kind === 'member' ? this.me.boardId : this.boards[0]!.id}`);
    this.page = { name: 'boards' };
  };

  private go(path: string): void {
    history.pushState(null, '', path);
    void this.route();
  }

  override render() {
    return html`
      <header>
        <a href="/" @click=${(e: Event) => (e.preventDefault(), this.go('/'))}>Planbord</a>
        ${this.me
          ? html`<span class="who">${this.me.kind === 'admin' ? 'Beheerder' : `${this.me.displayName} (${this.me.role})`}</span>
              <button @click=${this.signOut}>Uitloggen</button>`
          : nothing}
      </header>
      <main>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.renderPage()}
      </main>
    `;
  }

  private renderPage() {
    switch (this.page.name) {
      case 'loading':
        return html`<p>Laden…</p>`;
      case 'sign-in':
        return html`
          <h1>Inloggen</h1>
          <p>Open de uitnodigingslink die u van de voorzitter kreeg. Beheerders loggen in met het beheerderstoken.</p>
          <form @submit=${this.signIn}>
            <label for="admin-token">Beheerderstoken</label>
            <input id="admin-token" name="adminToken" type="password" autocomplete="off" required />
            <button type="submit">Inloggen</button>
          </form>
        `;
      case 'join':
        return html`
          <h1>Welkom bij Planbord</h1>
          <form @submit=${this.join}>
            <label for="display-name">Uw naam, zoals anderen die zien</label>
            <input id="display-name" name="displayName" autocomplete="name" maxlength="60" required />
            <button type="submit">Deelnemen</button>
          </form>
        `;
      case 'boards':
        return html`
          <h1>Borden</h1>
          <ul class="boards">
            ${this.boards.map(
              (board) => html`<li><a href="/board/${board.id}" @click=${(e: Event) => (e.preventDefault(), this.go(`/board/${board.id}`))}>${board.title}</a></li>`,
            )}
          </ul>
        `;
      case 'board':
        return this.me ? html`<board-page .boardId=${this.page.id} .me=${this.me}></board-page>` : nothing;
    }
  }

  private async signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const token = new FormData(event.target as HTMLFormElement).get('adminToken');
    const result = await api.login(typeof token === 'string' ? token : '');
    this.error = result.ok ? '' : 'Dit beheerderstoken is niet juist.';
    if (result.ok) await this.route();
  }

  private async join(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.page.name !== 'join') return;
    const name = new FormData(event.target as HTMLFormElement).get('displayName');
    const result = await api.join(this.page.token, typeof name === 'string' ? name : '');
    if (!result.ok) {
      this.error = `Deelnemen lukt niet: ${result.error.message}`;
      return;
    }
    this.error = '';
    this.go(`/board/${result.value.boardId}`);
  }

  private readonly signOut = async () => {
    await api.logout();
    this.me = null;
    this.go('/');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'planbord-app': PlanbordApp;
  }
}
