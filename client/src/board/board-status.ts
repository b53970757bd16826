// Where this board stands: connected or not, saved or not, read-only or not, and who else is here.
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { canEdit } from '../../../shared/access/roles.ts';
import { roleLabel } from '../app/labels.ts';
import { baseStyles } from '../app/styles.ts';
import type { ConnectionState } from './board-connection.ts';
import { ConnectionController } from './connection-controller.ts';

const STATE_LABEL: Record<ConnectionState, string> = {
  connecting: 'Verbinden…',
  syncing: 'Synchroniseren…',
  connected: 'Verbonden',
  offline: 'Offline',
  refused: 'Geen verbinding',
};

@customElement('board-status')
export class BoardStatus extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; }
      .pill { padding: 0.15rem 0.65rem; border-radius: 999px; font-weight: 600; background: #e8eef5; color: #154273; border: 1px solid currentColor; }
      .pill.bad { background: #fde8e8; color: #8a1c1c; }
      .pill.good { background: #e6f4ea; color: #0b5a2a; }
      .pill.warn { background: #fff4d6; color: #5c3d00; }
      ul { display: flex; gap: 0.4rem; flex-wrap: wrap; list-style: none; margin: 0; padding: 0; }
      li { display: flex; align-items: center; gap: 0.35rem; padding: 0.1rem 0.6rem 0.1rem 0.3rem; border-radius: 999px; background: white; border: 2px solid var(--color); }
      .dot { width: 0.8rem; height: 0.8rem; border-radius: 50%; background: var(--color); }
      .role { color: #4a4a4a; }
    `,
  ];

  private readonly connection = new ConnectionController(this, ['state', 'saves', 'presence']);

  override render() {
    if (!this.connection.available) return nothing;
    const { state, saveState, role, refusal } = this.connection.connection;
    const saved = saveState === 'saved';
    const stateClass = state === 'connected' ? 'good' : state === 'offline' || state === 'refused' ? 'bad' : '';
    return html`
      <span class="pill ${stateClass}" role="status" data-state=${state} title=${refusal || nothing}>${STATE_LABEL[state]}</span>
      <span class="pill ${saved ? 'good' : 'warn'}" role="status" data-saved=${String(saved)}
        title=${saved ? 'Alle wijzigingen staan in de database.' : 'Uw laatste wijzigingen staan nog alleen in deze browser.'}
        >${saved ? 'Opgeslagen' : state === 'offline' ? 'Niet opgeslagen (bewaard in deze browser)' : 'Niet opgeslagen'}</span
      >
      ${canEdit(role) ? nothing : html`<span class="pill warn">Alleen lezen</span>`}
      <ul aria-label="Aanwezig op dit bord">
        ${this.connection.connection.presence().map(
          (person) => html`<li style="--color: ${person.color}">
            <span class="dot" aria-hidden="true"></span>
            <span>${person.name}${person.self ? ' (u)' : ''}</span>
            <span class="role">${roleLabel(person.role)}</span>
          </li>`,
        )}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'board-status': BoardStatus;
  }
}
