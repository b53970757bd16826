// A board: its sheets as grids, the roadmap timeline, the dashboard and (for chairs) invites, with
// the connection state and who else is here.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { hasRole } from '../../../shared/access/roles.ts';
import { SHEETS } from '../../../shared/board/sheets.ts';
import { DOMAINS_AND_GENERIEK } from '../../../shared/domain.ts';
import { roleOf, type Me } from '../app/api.ts';
import { baseStyles } from '../app/styles.ts';
import '../dashboard/totals-dashboard.ts';
import '../grid/sheet-grid.ts';
import '../roadmap/roadmap-timeline.ts';
import { BoardSessionController } from './board-session-controller.ts';
import './board-status.ts';
import { DomainChoiceController } from './domain-choice-controller.ts';
import './invite-panel.ts';
import '../meeting/meeting-panel.ts';

const TABS = [
  { id: 'beheer', label: 'Beheer & exploitatie' },
  { id: 'vernieuwing', label: 'Vernieuwing' },
  { id: 'roadmap', label: 'Roadmap' },
  { id: 'tijdlijn', label: 'Tijdlijn' },
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'sessie', label: 'Sessie' },
  { id: 'uitnodigingen', label: 'Uitnodigingen' },
] as const;
type TabId = (typeof TABS)[number]['id'];
const isTab = (value: string): value is TabId => TABS.some((tab) => tab.id === value);

@customElement('board-page')
export class BoardPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: flex; flex-direction: column; gap: 0.5rem; height: 100%; min-height: 0; }
      .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
      h1 { font-size: 1.45rem; margin: 0; }
      .nav { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5rem 1rem; border-bottom: 2px solid #154273; }
      [role='tablist'] { display: flex; gap: 0.25rem; flex-wrap: wrap; }
      [role='tab'] { background: white; color: #154273; border-radius: 4px 4px 0 0; border-bottom: none; padding: 0.45rem 0.9rem; }
      [role='tab'][aria-selected='true'] { background: #154273; color: white; }
      .domain { margin-left: auto; display: flex; align-items: center; gap: 0.4rem; padding-bottom: 0.35rem; }
      select { padding: 0.3rem 0.5rem; border: 1px solid #5c5c5c; border-radius: 4px; background: white; }
      [role='tabpanel'] { flex: 1; min-height: 0; display: flex; flex-direction: column; }
      [role='tabpanel'].scroll { overflow: auto; }
      [role='tabpanel'][hidden] { display: none; }
    `,
  ];

  @property({ attribute: false }) boardId = '';
  @property({ attribute: false }) boardTitle = '';
  @property({ attribute: false }) me!: Me;
  @state() private tab: TabId = isTab(location.hash.slice(1)) ? (location.hash.slice(1) as TabId) : 'beheer';

  private readonly session = new BoardSessionController(this, () => {
    const role = roleOf(this.me, this.boardId);
    if (!role) return null;
    const user = this.me.kind === 'admin'
      ? { id: 'admin', name: 'Beheerder', color: '#154273' }
      : { id: this.me.memberId, name: this.me.displayName, color: this.me.color };
    return { boardId: this.boardId, role, user };
  });

  private readonly domain = new DomainChoiceController(this, () => `planbord:${this.boardId}:domain`);

  /**
   * Tabs shown at least once. A panel's content is built when its tab is first shown and kept after
   * that (scroll, sort and focus stay): building every grid up front, each taking in every row of its
   * sheet, keeps a large board from showing its first sheet.
   */
  private readonly opened = new Set<TabId>();

  override render() {
    const connection = this.session.connection;
    if (!connection) return html`<p class="error" role="alert">U heeft geen toegang tot dit bord.</p>`;
    const chair = hasRole(connection.role, 'chair');
    const tabs = TABS.filter((tab) => tab.id !== 'uitnodigingen' || chair);
    const current = tabs.some((tab) => tab.id === this.tab) ? this.tab : 'beheer';
    this.opened.add(current);
    const panel = (id: TabId, content: () => unknown, scroll = false) =>
      // A panel that scrolls by itself takes focus, so the keyboard can scroll it too.
      html`<section role="tabpanel" id="panel-${id}" aria-labelledby="tab-${id}" class=${scroll ? 'scroll' : ''} tabindex=${scroll ? '0' : nothing}
        ?hidden=${current !== id}>${this.opened.has(id) ? content() : nothing}</section>`;
    return html`
      <div class="bar">
        <h1>${this.boardTitle || this.boardId}</h1>
        <board-status></board-status>
      </div>
      ${connection.state === 'refused' ? html`<p class="error" role="alert">${connection.refusal}</p>` : nothing}
      <div class="nav">
        <div role="tablist" aria-label="Onderdelen van het bord">
          ${tabs.map(
            (tab) => html`<button role="tab" id="tab-${tab.id}" aria-controls="panel-${tab.id}" aria-selected=${String(current === tab.id)}
              tabindex=${current === tab.id ? 0 : -1} @click=${() => this.select(tab.id)} @keydown=${(e: KeyboardEvent) => this.tabKey(e, tabs)}>${tab.label}</button>`,
          )}
        </div>
        <label class="domain">Domein
          <select @change=${(e: Event) => this.domain.set((e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.domain.value === ''}>Alle domeinen</option>
            ${DOMAINS_AND_GENERIEK.map((domain) => html`<option value=${domain} ?selected=${this.domain.value === domain}>${domain}</option>`)}
          </select>
        </label>
      </div>
      ${SHEETS.map((sheet) => panel(sheet, () => html`<sheet-grid sheet=${sheet} .domain=${this.domain.value}></sheet-grid>`))}
      ${panel('tijdlijn', () => html`<roadmap-timeline .domain=${this.domain.value}></roadmap-timeline>`, true)}
      ${panel('dashboard', () => (current === 'dashboard' ? html`<totals-dashboard></totals-dashboard>` : nothing), true)}
      ${panel('sessie', () => (current === 'sessie' ? html`<meeting-panel .boardId=${this.boardId} .boardRole=${connection.role}></meeting-panel>` : nothing), true)}
      ${chair ? panel('uitnodigingen', () => html`<invite-panel .boardId=${this.boardId}></invite-panel>`, true) : nothing}
    `;
  }

  private select(tab: TabId): void {
    this.tab = tab;
    history.replaceState(null, '', `#${tab}`);
  }

  private tabKey(event: KeyboardEvent, tabs: readonly { id: TabId }[]): void {
    const index = tabs.findIndex((tab) => tab.id === this.tab);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.select(tabs[(next + tabs.length) % tabs.length]!.id);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'board-page': BoardPage;
  }
}
