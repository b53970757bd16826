// For chairs: invite links per role, to hand out; and revoking them.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ROLES, type Role } from '../../../shared/access/roles.ts';
import { api, type InviteView } from '../app/api.ts';
import { baseStyles } from '../app/styles.ts';

const ROLE_LABEL: Record<Role, string> = { viewer: 'Kijker (alleen lezen)', editor: 'Bewerker', chair: 'Voorzitter' };

@customElement('invite-panel')
export class InvitePanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; background: white; padding: 1.25rem; border-radius: 6px; max-width: 60rem; }
      .new { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
      .link { margin: 0.75rem 0; padding: 0.75rem; background: #e8f1fb; border-radius: 4px; word-break: break-all; }
      table { border-collapse: collapse; margin-top: 1rem; }
      th, td { text-align: left; padding: 0.35rem 0.75rem; border-bottom: 1px solid #d8dde3; }
    `,
  ];

  @property({ attribute: false }) boardId = '';
  @state() private invites: InviteView[] = [];
  @state() private created: { url: string; role: Role } | null = null;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const result = await api.invites(this.boardId);
    if (result.ok) this.invites = result.value;
    else this.error = result.error.message;
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const role = new FormData(event.target as HTMLFormElement).get('role') as Role;
    const result = await api.createInvite(this.boardId, role);
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.created = { url: result.value.url, role };
    await this.load();
  }

  private async revoke(invite: InviteView): Promise<void> {
    const result = await api.revokeInvite(this.boardId, invite.id);
    if (!result.ok) this.error = result.error.message;
    await this.load();
  }

  override render() {
    return html`
      <h2>Uitnodigingen</h2>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <form class="new" @submit=${this.create}>
        <label for="role">Nieuwe link voor</label>
        <select id="role" name="role">${ROLES.map((role) => html`<option value=${role} ?selected=${role === 'editor'}>${ROLE_LABEL[role]}</option>`)}</select>
        <button type="submit">Link maken</button>
      </form>
      ${this.created
        ? html`<div class="link" role="status">
            <p>Link voor ${ROLE_LABEL[this.created.role]} (alleen nu zichtbaar):</p>
            <code>${this.created.url}</code>
            <button class="secondary" @click=${() => navigator.clipboard?.writeText(this.created!.url)}>Kopiëren</button>
          </div>`
        : nothing}
      <table>
        <caption class="sr-only">Uitgegeven links</caption>
        <thead><tr><th scope="col">Rol</th><th scope="col">Gemaakt</th><th scope="col">Status</th><th scope="col"><span class="sr-only">Actie</span></th></tr></thead>
        <tbody>
          ${this.invites.map(
            (invite) => html`<tr>
              <td>${ROLE_LABEL[invite.role]}</td>
              <td>${new Date(invite.createdAt).toLocaleString('nl-NL')}</td>
              <td>${invite.revokedAt ? 'Ingetrokken' : 'Geldig'}</td>
              <td>${invite.revokedAt ? nothing : html`<button class="secondary" @click=${() => this.revoke(invite)}>Intrekken</button>`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'invite-panel': InvitePanel;
  }
}
