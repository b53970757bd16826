// The application shell: the header with who is signed in, and the page the session asks for.
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import '../board/board-page.ts';
import './board-list.ts';
import { ROLE_LABEL } from './labels.ts';
import { SessionController } from './session-controller.ts';
import { baseStyles } from './styles.ts';

@customElement('planbord-app')
export class PlanbordApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: flex; flex-direction: column; height: 100vh; background: #f6f7f9; }
      header { display: flex; align-items: center; gap: 1rem; padding: 0.4rem 1.25rem; background: #154273; color: white; }
      header a { color: white; font-weight: 700; font-size: 1.2rem; text-decoration: none; }
      header .who { margin-left: auto; }
      header button { background: white; color: #154273; padding: 0.25rem 0.8rem; }
      header a:focus-visible, header button:focus-visible { outline-color: #ffb612; }
      main { flex: 1; min-height: 0; padding: 0.75rem 1.25rem; display: flex; flex-direction: column; overflow: auto; }
      main.board { overflow: hidden; }
      .card { display: flex; flex-direction: column; gap: 0.5rem; max-width: 28rem; background: white; padding: 1.25rem; border-radius: 6px; border: 1px solid #d8dde3; }
      .card p { margin: 0 0 0.5rem; }
      .hint { color: #4a4a4a; font-size: 0.95rem; }
    `,
  ];

  private readonly session = new SessionController(this);

  override render() {
    const { me, page } = this.session;
    return html`
      <header>
        <a href="/" @click=${(e: Event) => (e.preventDefault(), this.session.go('/'))}>Planbord</a>
        ${me
          ? html`<span class="who">${me.kind === 'admin' ? 'Beheerder' : `${me.displayName} · ${ROLE_LABEL[me.role]}`}</span>
              <button @click=${() => this.session.signOut()}>Uitloggen</button>`
          : nothing}
      </header>
      <main class=${page.name === 'board' ? 'board' : ''}>
        ${this.session.error ? html`<p class="error" role="alert">${this.session.error}</p>` : nothing}
        ${this.renderPage()}
      </main>
    `;
  }

  private renderPage() {
    const { page, me } = this.session;
    switch (page.name) {
      case 'loading':
        return html`<p role="status">Laden…</p>`;
      case 'sign-in':
        return html`
          <h1>Inloggen</h1>
          <form class="card" @submit=${this.signIn}>
            <p>Deelnemers openen de uitnodigingslink die zij van de voorzitter kregen. Beheerders loggen hier in.</p>
            <label for="admin-token">Beheerderstoken</label>
            <input id="admin-token" name="adminToken" type="password" autocomplete="off" required />
            <button type="submit">Inloggen</button>
          </form>
        `;
      case 'join':
        return html`
          <h1>Welkom bij Planbord</h1>
          <form class="card" @submit=${this.join}>
            <p>
              ${page.invite
                ? html`U bent uitgenodigd voor <strong>${page.invite.boardTitle}</strong>, als ${ROLE_LABEL[page.invite.role]}.`
                : 'U bent uitgenodigd voor een planbord.'}
              Onder deze naam ziet de rest van de tafel uw wijzigingen.
            </p>
            <label for="display-name">Uw naam, zoals anderen die zien</label>
            <input id="display-name" name="displayName" autocomplete="name" maxlength="60" required />
            <button type="submit">Deelnemen</button>
          </form>
        `;
      case 'boards':
        return html`
          <h1>Borden</h1>
          <board-list
            .boards=${this.session.boards}
            ?admin=${me?.kind === 'admin'}
            @open-board=${(e: CustomEvent<string>) => this.session.go(`/board/${e.detail}`)}
            @boards-changed=${() => void this.session.reloadBoards()}
          ></board-list>
        `;
      case 'board':
        return me
          ? keyed(page.id, html`<board-page .boardId=${page.id} .boardTitle=${this.session.boardTitle(page.id)} .me=${me}></board-page>`)
          : nothing;
    }
  }

  private readonly signIn = (event: SubmitEvent) => {
    event.preventDefault();
    const token = new FormData(event.target as HTMLFormElement).get('adminToken');
    void this.session.signIn(typeof token === 'string' ? token : '');
  };

  private readonly join = (event: SubmitEvent) => {
    event.preventDefault();
    const name = new FormData(event.target as HTMLFormElement).get('displayName');
    void this.session.join(typeof name === 'string' ? name : '');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'planbord-app': PlanbordApp;
  }
}
