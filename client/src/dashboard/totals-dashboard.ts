// The dashboard, made for a projector: totals per domain, requested against allocated, the outlook,
// the control totals (stated in the plan against computed), the budget rules broken, and charts. It
// follows the server's totals stream, so it shows the board as everyone has it. A chair sets the
// renewal budget and each domain's ceiling (kader) here.
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatSignedThousands, formatThousands, parseThousands, type Amount } from '../../../shared/amount.ts';
import { hasRole } from '../../../shared/access/roles.ts';
import { setSetting, type SettingName } from '../../../shared/board/board-doc.ts';
import { DOMAINS_AND_GENERIEK, type Domain } from '../../../shared/domain.ts';
import type { BoardTotals } from '../../../shared/totals/types.ts';
import { ConnectionController } from '../board/connection-controller.ts';
import { dashboardStyles } from './dashboard-styles.ts';
import { TotalsStreamController } from './totals-stream-controller.ts';

const k = (euros: number) => formatSignedThousands(euros);
const percent = (basisPoints: number) => `${(basisPoints / 100).toFixed(1).replace('.', ',')}%`;
const settingKey = (setting: SettingName) => (typeof setting === 'string' ? setting : `ceiling-${setting.ceiling}`);

@customElement('totals-dashboard')
export class TotalsDashboard extends LitElement {
  static override styles = dashboardStyles;

  private readonly connection = new ConnectionController(this);
  private readonly stream = new TotalsStreamController(this, this.connection);
  /** Setting -> why the chair's last input was refused. */
  @state() private refused = new Map<string, string>();

  override connectedCallback(): void {
    super.connectedCallback();
    // Charts are the heaviest part of the client: load them only when a dashboard opens.
    void import('./dashboard-charts.ts');
  }

  override render() {
    const t = this.stream.totals;
    if (!t) return html`<p role="status">Totalen laden…</p>`;
    return html`
      <p class="source ${this.stream.down ? 'warn' : ''}" role="status">
        ${this.stream.down ? 'Geen verbinding met de server: totalen berekend in deze browser.' : `Live bijgewerkt · bedragen x € 1.000 · ${t.year}`}
      </p>
      ${this.renderKpis(t)}
      ${this.renderDomains(t)}
      <div class="columns">${this.renderControls(t)} ${this.renderViolations(t)}</div>
      <dashboard-charts .totals=${t}></dashboard-charts>
    `;
  }

  private renderKpis(t: BoardTotals) {
    const budget = t.renewal.budget;
    const left = typeof budget === 'number' ? budget - t.renewal.allocated : null;
    return html`<dl class="kpis">
      <div><dt>B&E totaal</dt><dd>${k(t.beheer.total)}</dd></div>
      <div><dt>Vernieuwing toegekend</dt><dd>${k(t.renewal.allocated)}</dd></div>
      <div class=${left !== null && left < 0 ? 'over' : ''}><dt>Ruimte in vernieuwingsbudget</dt><dd>${left === null ? formatThousands(budget) : k(left)}</dd></div>
      <div><dt>Gevraagd − toegekend</dt><dd>${k(t.renewal.gap)}</dd></div>
      <div><dt>Aandeel B&E / vernieuwing</dt><dd class="share">${percent(t.split.beheerShareBp)}<span class="sr-only"> en</span> <small>/ ${percent(t.split.renewalShareBp)}</small></dd></div>
      <div><dt>Nog te bepalen ("ntb")</dt><dd>${t.renewal.ntb + t.beheer.ntb}</dd></div>
    </dl>`;
  }

  private renderDomains(t: BoardTotals) {
    const [y1, y2] = t.renewal.outlookYears;
    const over = (domain: Domain) => t.violations.some((v) => v.rule === 'domain-ceiling-exceeded' && v.domain === domain);
    return html`<section class="panel domains" aria-labelledby="per-domain">
      <h2 id="per-domain">Per domein</h2>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Domein</th><th scope="col" class="num">B&E</th>
              <th scope="col" class="num">Gevraagd</th><th scope="col" class="num">Toegekend</th>
              <th scope="col" class="num">${y1}</th><th scope="col" class="num">${y2}</th>
              <th scope="col" class="num">B&E + toegekend</th><th scope="col" class="num">Kader</th>
            </tr>
          </thead>
          <tbody>
            ${DOMAINS_AND_GENERIEK.map((domain) => {
              const renewal = t.renewal.byDomain[domain];
              const isDomain = domain !== 'Generiek';
              const bad = isDomain && over(domain);
              return html`<tr class=${bad ? 'bad' : ''}>
                <th scope="row">${domain}${bad ? html` <span class="sign" aria-hidden="true">⚠</span><span class="sr-only">(boven kader)</span>` : nothing}</th>
                <td class="num">${isDomain ? k(t.beheer.byDomain[domain]) : '–'}</td>
                <td class="num">${k(renewal.requested)}</td>
                <td class="num ${renewal.allocated < renewal.requested ? 'less' : ''}">${k(renewal.allocated)}</td>
                <td class="num">${k(renewal.outlook[0])}</td><td class="num">${k(renewal.outlook[1])}</td>
                <td class="num">${isDomain ? k(t.domains[domain].total) : k(renewal.allocated)}</td>
                <td class="num">${isDomain ? this.amountSetting({ ceiling: domain }, t.domains[domain].ceiling, `Kader ${domain}`) : '–'}</td>
              </tr>`;
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Totaal</th><td class="num">${k(t.beheer.total)}</td>
              <td class="num">${k(t.renewal.requested)}</td><td class="num">${k(t.renewal.allocated)}</td>
              <td class="num">${k(t.renewal.outlook[0])}</td><td class="num">${k(t.renewal.outlook[1])}</td>
              <td class="num">${k(t.split.total)}</td><td></td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p class="budget">
        <span>Beschikbaar vernieuwingsbudget ${t.year}:</span>
        ${this.amountSetting('renewalBudget', t.renewal.budget, 'Beschikbaar vernieuwingsbudget')}
      </p>
      ${[...this.refused.values()].map((message) => html`<p class="error" role="alert">${message}</p>`)}
    </section>`;
  }

  private renderControls(t: BoardTotals) {
    return html`<section class="panel" aria-labelledby="controls">
      <h2 id="controls">Controletotalen</h2>
      <table>
        <thead><tr><th scope="col">Totaal in de bron</th><th scope="col" class="num">Genoemd</th><th scope="col" class="num">Berekend</th><th scope="col" class="num">Verschil</th></tr></thead>
        <tbody>
          ${t.controls.map(
            (c) => html`<tr class=${c.agrees ? '' : 'bad'}>
              <td>${c.label}<span class="where">${c.source}</span></td>
              <td class="num">${k(c.stated)}</td>
              <td class="num">${c.computed === null ? 'n.v.t.' : k(c.computed)}</td>
              <td class="num">${c.difference === null ? '–' : html`${c.agrees ? '' : html`<span class="sign" aria-hidden="true">⚠ </span>`}${k(c.difference)}${c.agrees ? '' : html`<span class="sr-only"> (wijkt af)</span>`}`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p class="note">Een verschil betekent dat het totaal in de bron niet de som is van de regels op het bord. Dat kan kloppen: de bron kan een regel weglaten of afronden.</p>
    </section>`;
  }

  private renderViolations(t: BoardTotals) {
    return html`<section class="panel" aria-labelledby="rules">
      <h2 id="rules">Begrotingsregels</h2>
      ${t.violations.length === 0
        ? html`<p class="ok">Geen overschrijdingen.</p>`
        : html`<ul class="violations">${t.violations.map((v) => html`<li><span class="sign" aria-hidden="true">⚠ </span>${v.message}</li>`)}</ul>`}
    </section>`;
  }

  /** An amount a chair may set (budget, kader); others see it as text. */
  private amountSetting(setting: SettingName, value: Amount, label: string) {
    if (!this.connection.available || !hasRole(this.connection.connection.role, 'chair')) return formatThousands(value);
    const key = settingKey(setting);
    const refused = this.refused.get(key);
    return html`<input class="amount" aria-label="${label} (x € 1.000)" aria-invalid=${refused ? 'true' : 'false'}
      .value=${formatThousands(value)} @change=${(e: Event) => this.changeSetting(setting, e.target as HTMLInputElement)}
      @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.changeSetting(setting, e.target as HTMLInputElement)} />`;
  }

  private changeSetting(setting: SettingName, input: HTMLInputElement): void {
    const key = settingKey(setting);
    const refused = new Map(this.refused);
    const parsed = parseThousands(input.value);
    const label = input.getAttribute('aria-label') ?? '';
    const written = parsed.ok ? this.connection.connection.edit((origin) => setSetting(this.connection.connection.doc, setting, parsed.value, origin)) : parsed;
    if (written.ok) refused.delete(key);
    else refused.set(key, `${label}: ${written.error}`);
    this.refused = refused;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'totals-dashboard': TotalsDashboard;
  }
}
