// A board: its sheets as grids, the roadmap timeline, the chair's dashboard and invites, with the
// connection state and who else is here.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { canEdit, hasRole } from '../../../shared/access/roles.ts';
import { roleOf, type Me } from '../app/api.ts';
import { baseStyles } from '../app/styles.ts';
import '../dashboard/totals-dashboard.ts';
import '../grid/sheet-grid.ts';
import '../roadmap/roadmap-timeline.ts';
import { BoardConnection, type ConnectionState } from './board-connection.ts';
import './invite-panel.ts';

const TABS = [
  { id: 'beheer', label: 'Beheer & exploitatie' },
  { id: 'vernieuwing', label: 'Vernieuwing' },
  { id: 'roadmap', label: 'Roadmap' },
  { id: 'tijdlijn', label: 'Tijdlijn' },
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'uitnodigingen', label: 'Uitnodigingen' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const STATE_LABEL: Record<ConnectionState, string> = {
  connecting: 'Verbinden…',
  syncing: 'Synchroniseren…',
  connected: 'Verbonden',
  offline: 'Offline: wijzigingen blijven bewaard in deze browser',
  refused: 'Geen toegang',
};

@customElement('board-page')
export class BoardPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: flex; flex-direction: column; gap: 0.75rem; }
      .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; }
      .status { padding: 0.25rem 0.7rem; border-radius: 999px; font-weight: 600; background: #e8eef5; color: #154273; }
      .status.offline, .status.refused { background: #fde8e8; color: #8a1c1c; }
      .status.connected { background: #e6f4ea; color: #0b5a2a; }
      .presence { display: flex; gap: 0.4rem; flex-wrap: wrap; list-style: none; margin: 0; padding: 0; }
      .presence li { display: flex; align-items: center; gap: 0.3rem; padding: 0.2rem 0.6rem; border-radius: 999px; background: white; border: 2px solid var(--color); }
      .dot { width: 0.7rem; height: 0.7rem; border-radius: 50%; background: var(--color); }
      [role='tablist'] { display: flex; gap: 0.25rem; border-bottom: 2px solid #154273; flex-wrap: wrap; }
      [role='tab'] { background: white; color: #154273; border-radius: 4px 4px 0 0; border-bottom: none; }
      [role='tab'][aria-selected='true'] { background: #154273; color: white; }
      [role='tabpanel'] { min-height: 520px; }
      [role='tabpanel'][hidden] { display: none; }
    `,
  ];

  @property({ attribute: false }) boardId = '';
  @property({ attribute: false }) me!: Me;
  @state() private tab: TabId = 'beheer';
  @state() private connection: BoardConnection | null = null;
  @state() private tick = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    const role = roleOf(this.me, this.boardId);
    if (!role) return;
    const user = this.me.kind === 'admin'
      ? { id: 'admin', name: 'Beheerder', color: '#154273' }
      : { id: this.me.memberId, name: this.me.displayName, color: this.me.color };
    const connection = new BoardConnection(this.boardId, role, user);
    const refresh = () => this.tick++;
    for (const event of ['state', 'saves', 'presence']) connection.addEventListener(event, refresh);
    this.connection = connection;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.connection?.destroy();
    this.connection = null;
  }

  override render() {
    const connection = this.connection;
    if (!connection) return html`<p class="error" role="alert">U heeft geen toegang tot dit bord.</p>`;
    const tabs = TABS.filter((tab) => tab.id !== 'uitnodigingen' || hasRole(connection.role, 'chair'));
    const saved = connection.saveState === 'saved';
    return html`
      <div class="bar">
        <h1>${this.boardId === 'gdi-2025' ? 'GDI-Programmeringsplan 2025' : this.boardId}</h1>
        <span class="status ${connection.state}" role="status" data-state=${connection.state}>${STATE_LABEL[connection.state]}</span>
        <span class="status ${saved ? 'connected' : ''}" role="status" data-saved=${String(saved)}>${saved ? 'Alles opgeslagen' : 'Nog niet opgeslagen'}</span>
        ${canEdit(connection.role) ? nothing : html`<span class="status">Alleen lezen</span>`}
        <ul class="presence" aria-label="Aanwezig">
          ${connection.presence().map(
            (person) => html`<li style="--color: ${person.color}"><span class="dot" aria-hidden="true"></span>${person.name}${person.self ? ' (u)' : ''} · ${person.role}</li>`,
          )}
        </ul>
      </div>
      <div role="tablist" aria-label="Onderdelen van het bord">
        ${tabs.map(
          (tab) => html`<button role="tab" id="tab-${tab.id}" aria-controls="panel-${tab.id}" aria-selected=${String(this.tab === tab.id)}
            tabindex=${this.tab === tab.id ? 0 : -1} @click=${() => (this.tab = tab.id)} @keydown=${(e: KeyboardEvent) => this.tabKey(e, tabs)}>${tab.label}</button>`,
        )}
      </div>
      ${(['beheer', 'vernieuwing', 'roadmap'] as const).map(
        (sheet) => html`<section role="tabpanel" id="panel-${sheet}" aria-labelledby="tab-${sheet}" ?hidden=${this.tab !== sheet}>
          <sheet-grid .connection=${connection} sheet=${sheet}></sheet-grid>
        </section>`,
      )}
      <section role="tabpanel" id="panel-tijdlijn" aria-labelledby="tab-tijdlijn" ?hidden=${this.tab !== 'tijdlijn'}>
        <roadmap-timeline .connection=${connection}></roadmap-timeline>
      </section>
      <section role="tabpanel" id="panel-dashboard" aria-labelledby="tab-dashboard" ?hidden=${this.tab !== 'dashboard'}>
        ${this.tab === 'dashboard' ? html`<totals-dashboard .connection=${connection}></totals-dashboard>` : nothing}
      </section>
      ${hasRole(connection.role, 'chair')
        ? html`<section role="tabpanel" id="panel-uitnodigingen" aria-labelledby="tab-uitnodigingen" ?hidden=${this.tab !== 'uitnodigingen'}>
            <invite-panel .boardId=${this.boardId}></invite-panel>
          </section>`
        : nothing}
    `;
  }

  private tabKey(event: KeyboardEvent, tabs: readonly { id: TabId }[]): void {
    const index = tabs.findIndex((tab) => tab.id === this.tab);
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : null;
    if (next === null) return;
    event.preventDefault();
    this.tab = tabs[(next + tabs.length) % tabs.length]!.id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'board-page': BoardPage;
  }
}
