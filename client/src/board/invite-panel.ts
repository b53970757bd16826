// For chairs: invite links per role, to hand out, and revoking them; and who is on the board.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ROLES, isRole } from '../../../shared/access/roles.ts';
import { ROLE_LABEL } from '../app/labels.ts';
import { baseStyles } from '../app/styles.ts';
import { InvitesController } from './invites-controller.ts';

const ROLE_HELP = { viewer: 'kan alles zien, niets wijzigen', editor: 'kan de bladen bewerken', chair: 'kan ook uitnodigen en het budget en de kaders zetten' } as const;
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('nl-NL', { dateStyle: 'medium', timeStyle: 'short' }) : '');

@customElement('invite-panel')
export class InvitePanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: flex; flex-direction: column; gap: 1rem; padding: 0.75rem 0; max-width: 64rem; }
      section { background: white; padding: 1rem 1.25rem; border-radius: 6px; border: 1px solid #d8dde3; }
      h2 { font-size: 1.25rem; }
      form { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
      select { padding: 0.35rem 0.5rem; border: 1px solid #5c5c5c; border-radius: 4px; background: white; }
      .link { margin: 0.75rem 0 0; padding: 0.75rem; background: #e8f1fb; border-radius: 4px; display: flex; flex-direction: column; gap: 0.5rem; }
      .link input { width: 100%; box-sizing: border-box; font-family: ui-monospace, monospace; font-size: 0.9rem; }
      .link p { margin: 0; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; padding: 0.4rem 0.75rem; border-bottom: 1px solid #d8dde3; }
      .dot { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 50%; background: var(--color); margin-right: 0.4rem; vertical-align: middle; }
      .muted { color: #4a4a4a; }
      .notice { color: #0b5a2a; font-weight: 600; }
    `,
  ];

  @property({ attribute: false }) boardId = '';
  @state() private copied = false;
  private readonly invites = new InvitesController(this, () => this.boardId);

  override render() {
    const { invites, members, created, error, notice } = this.invites;
    return html`
      <section aria-labelledby="invite-title">
        <h2 id="invite-title">Uitnodigen</h2>
        <form @submit=${this.create}>
          <label for="role">Nieuwe link voor een</label>
          <select id="role" name="role">
            ${ROLES.map((role) => html`<option value=${role} ?selected=${role === 'editor'}>${ROLE_LABEL[role]} (${ROLE_HELP[role]})</option>`)}
          </select>
          <button type="submit">Link maken</button>
        </form>
        <div role="status">
          ${created
            ? html`<div class="link">
                <p><strong>Link voor een ${ROLE_LABEL[created.role]}</strong>: kopieer hem nu, hij wordt maar één keer getoond.</p>
                <input readonly aria-label="Uitnodigingslink" .value=${created.url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
                <div><button class="secondary" @click=${this.copy}>${this.copied ? 'Gekopieerd' : 'Link kopiëren'}</button></div>
              </div>`
            : nothing}
          ${notice ? html`<p class="notice">${notice}</p>` : nothing}
        </div>
        ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
      </section>
      <section aria-labelledby="links-title">
        <h2 id="links-title">Uitgegeven links</h2>
        ${invites.length === 0
          ? html`<p class="muted">Nog geen links gemaakt.</p>`
          : html`<table>
              <thead><tr><th scope="col">Rol</th><th scope="col">Gemaakt</th><th scope="col">Status</th><th scope="col"><span class="sr-only">Actie</span></th></tr></thead>
              <tbody>
                ${invites.map(
                  (invite) => html`<tr>
                    <td>${ROLE_LABEL[invite.role]}</td>
                    <td>${when(invite.createdAt)}</td>
                    <td>${invite.revokedAt ? `Ingetrokken ${when(invite.revokedAt)}` : invite.expiresAt ? `Geldig tot ${when(invite.expiresAt)}` : 'Geldig'}</td>
                    <td>${invite.revokedAt ? nothing : html`<button class="secondary" aria-label="Link voor ${ROLE_LABEL[invite.role]} van ${when(invite.createdAt)} intrekken" @click=${() => this.invites.revoke(invite)}>Intrekken</button>`}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`}
      </section>
      <section aria-labelledby="members-title">
        <h2 id="members-title">Leden</h2>
        ${members.length === 0
          ? html`<p class="muted">Nog niemand heeft een link gebruikt.</p>`
          : html`<table>
              <thead><tr><th scope="col">Naam</th><th scope="col">Rol</th><th scope="col">Lid sinds</th></tr></thead>
              <tbody>
                ${members.map(
                  (member) => html`<tr>
                    <td><span class="dot" style="--color: ${member.color}" aria-hidden="true"></span>${member.displayName}</td>
                    <td>${ROLE_LABEL[member.role]}</td>
                    <td>${when(member.createdAt)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`}
      </section>
    `;
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const role = new FormData(event.target as HTMLFormElement).get('role');
    if (!isRole(role)) return;
    this.copied = false;
    await this.invites.create(role);
  }

  private readonly copy = async () => {
    if (!this.invites.created) return;
    try {
      await navigator.clipboard.writeText(this.invites.created.url);
      this.copied = true;
    } catch {
      // No clipboard access (plain http, or refused): the link is selected for Ctrl+C instead.
      this.renderRoot.querySelector<HTMLInputElement>('.link input')?.select();
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'invite-panel': InvitePanel;
  }
}
