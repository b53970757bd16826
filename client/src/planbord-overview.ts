// The boards and their totals, read-only: the first screen of Planbord until the live grids land.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatSignedThousands } from '../../shared/amount.ts';
import { DOMAINS } from '../../shared/domain.ts';
import type { BoardTotals } from '../../shared/totals/types.ts';

interface BoardSummary {
  id: string;
  title: string;
  year: number;
}

type Totals = BoardTotals & { boardId: string; title: string };

const k = (euros: number) => formatSignedThousands(euros);

@customElement('planbord-overview')
export class PlanbordOverview extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
    h1 { margin: 0 0 1rem; font-size: 1.6rem; }
    table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; background: white; }
    th, td { padding: 0.35rem 0.75rem; border-bottom: 1px solid #d8dde3; text-align: left; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .bad { color: #a4000f; font-weight: 600; }
    button { font: inherit; padding: 0.3rem 0.8rem; margin-right: 0.5rem; }
    button[aria-pressed='true'] { background: #154273; color: white; }
  `;

  @state() private boards: BoardSummary[] = [];
  @state() private totals: Totals | null = null;
  @state() private error = '';
  @state() private signedIn = true;

  override connectedCallback(): void {
    super.connectedCallback();
    // The admin's first link is /login#<token>: the token stays in the fragment, out of server logs.
    const token = location.pathname === '/login' ? location.hash.slice(1) : '';
    history.replaceState(null, '', '/');
    void (token ? this.login(token) : this.load());
  }

  private async login(adminToken: string): Promise<void> {
    const response = await fetch('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ adminToken }),
    });
    this.error = response.ok ? '' : 'Dit beheerderstoken is niet juist.';
    await this.load();
  }

  private async load(): Promise<void> {
    try {
      const response = await fetch('/api/boards');
      if (response.status === 401) {
        this.signedIn = false;
        return;
      }
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      this.signedIn = true;
      this.boards = (await response.json()) as BoardSummary[];
      if (this.boards[0]) await this.select(this.boards[0].id);
    } catch (error) {
      this.error = `Kan de borden niet laden: ${String(error)}`;
    }
  }

  private async signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const adminToken = new FormData(event.target as HTMLFormElement).get('adminToken');
    await this.login(typeof adminToken === 'string' ? adminToken : '');
  }

  private async select(id: string): Promise<void> {
    this.totals = await getJson<Totals>(`/api/boards/${encodeURIComponent(id)}/totals`);
  }

  override render() {
    return html`
      <h1>Planbord</h1>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.signedIn
        ? nothing
        : html`<form @submit=${this.signIn}>
            <label for="admin-token">Beheerderstoken</label>
            <input id="admin-token" name="adminToken" type="password" autocomplete="off" required />
            <button type="submit">Inloggen</button>
          </form>`}
      <nav aria-label="Borden">
        ${this.boards.map(
          (board) => html`<button aria-pressed=${String(board.id === this.totals?.boardId)} @click=${() => this.select(board.id)}>
            ${board.title}
          </button>`,
        )}
      </nav>
      ${this.totals ? this.renderTotals(this.totals) : nothing}
    `;
  }

  private renderTotals(t: Totals) {
    const [year1, year2] = t.renewal.outlookYears;
    return html`
      <h2>${t.title}: totalen (x € 1.000)</h2>
      <table>
        <thead>
          <tr><th>Domein</th><th class="num">B&amp;E</th><th class="num">Vernieuwing gevraagd</th><th class="num">Toegekend</th><th class="num">Doorkijk ${year1}</th><th class="num">Doorkijk ${year2}</th></tr>
        </thead>
        <tbody>
          ${[...DOMAINS, 'Generiek' as const].map((domain) => {
            const renewal = t.renewal.byDomain[domain];
            return html`<tr>
              <td>${domain}</td>
              <td class="num">${domain === 'Generiek' ? '' : k(t.beheer.byDomain[domain])}</td>
              <td class="num">${k(renewal.requested)}</td><td class="num">${k(renewal.allocated)}</td>
              <td class="num">${k(renewal.outlook[0])}</td><td class="num">${k(renewal.outlook[1])}</td>
            </tr>`;
          })}
          <tr>
            <th>Totaal</th><th class="num">${k(t.beheer.total)}</th><th class="num">${k(t.renewal.requested)}</th>
            <th class="num">${k(t.renewal.allocated)}</th><th class="num">${k(t.renewal.outlook[0])}</th><th class="num">${k(t.renewal.outlook[1])}</th>
          </tr>
        </tbody>
      </table>
      <h2>Controletotalen</h2>
      <table>
        <thead><tr><th>Genoemd totaal</th><th class="num">Genoemd</th><th class="num">Berekend</th><th class="num">Verschil</th></tr></thead>
        <tbody>
          ${t.controls.map(
            (c) => html`<tr class=${c.agrees ? '' : 'bad'}>
              <td>${c.label}</td><td class="num">${k(c.stated)}</td>
              <td class="num">${c.computed === null ? 'n.v.t.' : k(c.computed)}</td>
              <td class="num">${c.difference === null ? '' : k(c.difference)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <h2>Begrotingsregels</h2>
      ${t.violations.length === 0
        ? html`<p>Geen overschrijdingen.</p>`
        : html`<ul>${t.violations.map((v) => html`<li class="bad">${v.message}</li>`)}</ul>`}
    `;
  }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return (await response.json()) as T;
}

declare global {
  interface HTMLElementTagNameMap {
    'planbord-overview': PlanbordOverview;
  }
}
