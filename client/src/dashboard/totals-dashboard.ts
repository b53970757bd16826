// The chair's dashboard, made for a projector: totals per domain, requested against allocated, the
// outlook, control totals and budget-rule violations, and charts. It follows the server's totals
// stream, so it shows what is in the board for everyone, live.
import { AgCharts, type AgChartInstance, type AgCartesianChartOptions } from 'ag-charts-community';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatSignedThousands, parseThousands, formatThousands, type Amount } from '../../../shared/amount.ts';
import { hasRole } from '../../../shared/access/roles.ts';
import { setSetting, type SettingName } from '../../../shared/board/board-doc.ts';
import { DOMAINS_AND_GENERIEK } from '../../../shared/domain.ts';
import type { BoardTotals } from '../../../shared/totals/types.ts';
import { baseStyles } from '../app/styles.ts';
import type { BoardConnection } from '../board/board-connection.ts';

const k = (euros: number) => formatSignedThousands(euros);
const chartTheme = { baseTheme: 'ag-default' as const, palette: { fills: ['#154273', '#ffb612', '#8fcae7', '#d52b1e'], strokes: ['#154273', '#b47f00', '#3b8ab0', '#8a1c1c'] } };

@customElement('totals-dashboard')
export class TotalsDashboard extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; font-size: 1.15rem; }
      .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(30rem, 1fr)); gap: 1rem; }
      section, figure { background: white; border-radius: 6px; padding: 1rem 1.25rem; margin: 0; }
      table { border-collapse: collapse; width: 100%; }
      th, td { padding: 0.4rem 0.6rem; border-bottom: 1px solid #d8dde3; text-align: left; }
      .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      tfoot th { border-top: 2px solid #154273; }
      .bad { color: #8a1c1c; font-weight: 700; background: #fde8e8; }
      .chart { height: 320px; }
      section.wide { grid-column: 1 / -1; }
      .big { font-size: 2rem; font-weight: 700; color: #154273; }
      .kpis { display: flex; gap: 2rem; flex-wrap: wrap; }
      ul.violations li { margin: 0.3rem 0; }
      input { width: 8rem; text-align: right; }
    `,
  ];

  @property({ attribute: false }) connection!: BoardConnection;
  @state() private totals: (BoardTotals & { title: string }) | null = null;
  @state() private live = false;
  @state() private settingError = '';
  private source?: EventSource;
  private charts: AgChartInstance[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.source = new EventSource(`/api/boards/${encodeURIComponent(this.connection.boardId)}/totals/stream`);
    this.source.addEventListener('totals', (event) => {
      this.totals = JSON.parse((event as MessageEvent<string>).data) as BoardTotals & { title: string };
      this.live = true;
    });
    this.source.onerror = () => (this.live = false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.source?.close();
    this.charts.forEach((chart) => chart.destroy());
    this.charts = [];
  }

  override updated(): void {
    if (this.totals) this.drawCharts(this.totals);
  }

  private drawCharts(t: BoardTotals): void {
    const byDomain = DOMAINS_AND_GENERIEK.map((domain) => ({
      domain,
      beheer: domain === 'Generiek' ? 0 : t.beheer.byDomain[domain] / 1000,
      gevraagd: t.renewal.byDomain[domain].requested / 1000,
      toegekend: t.renewal.byDomain[domain].allocated / 1000,
    }));
    const outlook = [
      { jaar: String(t.year), bedrag: t.renewal.allocated / 1000 },
      { jaar: String(t.renewal.outlookYears[0]), bedrag: t.renewal.outlook[0] / 1000 },
      { jaar: String(t.renewal.outlookYears[1]), bedrag: t.renewal.outlook[1] / 1000 },
    ];
    const specs: AgCartesianChartOptions[] = [
      {
        title: { text: 'Vernieuwing per domein: gevraagd en toegekend (x € 1.000)' },
        data: byDomain,
        series: [
          { type: 'bar', xKey: 'domain', yKey: 'gevraagd', yName: 'Gevraagd' },
          { type: 'bar', xKey: 'domain', yKey: 'toegekend', yName: 'Toegekend' },
        ],
      },
      {
        title: { text: 'B&E per domein (x € 1.000)' },
        data: byDomain.filter((row) => row.domain !== 'Generiek'),
        series: [{ type: 'bar', xKey: 'domain', yKey: 'beheer', yName: 'B&E' }],
      },
      {
        title: { text: 'Vernieuwing: toegekend en doorkijk (x € 1.000)' },
        data: outlook,
        series: [{ type: 'bar', xKey: 'jaar', yKey: 'bedrag', yName: 'Bedrag' }],
      },
    ];
    const containers = [...this.renderRoot.querySelectorAll<HTMLElement>('.chart')];
    const axes: AgCartesianChartOptions['axes'] = {
      x: { type: 'category', position: 'bottom' },
      y: { type: 'number', position: 'left', label: { formatter: ({ value }: { value: unknown }) => formatThousands(Math.round(Number(value) * 1000)) } },
    };
    specs.forEach((spec, index) => {
      const options = { ...spec, axes, theme: chartTheme };
      const existing = this.charts[index];
      const container = containers[index];
      if (!container) return;
      if (existing) void existing.update({ ...options, container });
      else this.charts[index] = AgCharts.create({ ...options, container });
    });
  }

  private changeSetting(setting: SettingName, input: HTMLInputElement): void {
    const parsed = parseThousands(input.value);
    if (!parsed.ok) {
      this.settingError = parsed.error;
      return;
    }
    this.settingError = '';
    this.connection.edit(() => setSetting(this.connection.doc, setting, parsed.value, this.connection.origin));
  }

  override render() {
    const t = this.totals;
    if (!t) return html`<p role="status">Totalen laden…</p>`;
    const chair = hasRole(this.connection.role, 'chair');
    const amountInput = (setting: SettingName, value: Amount, label: string) =>
      chair
        ? html`<input aria-label=${label} .value=${formatThousands(value)} @change=${(e: Event) => this.changeSetting(setting, e.target as HTMLInputElement)} />`
        : formatThousands(value);
    return html`
      <p role="status" class="sr-only">${this.live ? 'Live bijgewerkt' : 'Verbinding met de totalen verbroken'}</p>
      <div class="kpis">
        <div><div>B&E totaal</div><div class="big">${k(t.beheer.total)}</div></div>
        <div><div>Vernieuwing toegekend</div><div class="big">${k(t.renewal.allocated)}</div></div>
        <div><div>Gevraagd − toegekend</div><div class="big">${k(t.renewal.gap)}</div></div>
        <div><div>Bedragen "ntb"</div><div class="big">${t.renewal.ntb + t.beheer.ntb}</div></div>
      </div>
      ${this.settingError ? html`<p class="error" role="alert">${this.settingError}</p>` : nothing}
      <div class="grid">
        <section class="wide">
          <h2>Per domein (x € 1.000)</h2>
          <table>
            <thead><tr><th scope="col">Domein</th><th scope="col" class="num">B&E</th><th scope="col" class="num">Gevraagd</th><th scope="col" class="num">Toegekend</th><th scope="col" class="num">${t.renewal.outlookYears[0]}</th><th scope="col" class="num">${t.renewal.outlookYears[1]}</th><th scope="col" class="num">Kader</th></tr></thead>
            <tbody>
              ${DOMAINS_AND_GENERIEK.map((domain) => {
                const renewal = t.renewal.byDomain[domain];
                const over = domain !== 'Generiek' && t.violations.some((v) => v.rule === 'domain-ceiling-exceeded' && v.domain === domain);
                return html`<tr class=${over ? 'bad' : ''}>
                  <th scope="row">${domain}</th>
                  <td class="num">${domain === 'Generiek' ? '' : k(t.beheer.byDomain[domain])}</td>
                  <td class="num">${k(renewal.requested)}</td><td class="num">${k(renewal.allocated)}</td>
                  <td class="num">${k(renewal.outlook[0])}</td><td class="num">${k(renewal.outlook[1])}</td>
                  <td class="num">${domain === 'Generiek' ? '' : amountInput({ ceiling: domain }, t.domains[domain].ceiling, `Kader ${domain}`)}</td>
                </tr>`;
              })}
            </tbody>
            <tfoot><tr><th scope="row">Totaal</th><th class="num">${k(t.beheer.total)}</th><th class="num">${k(t.renewal.requested)}</th><th class="num">${k(t.renewal.allocated)}</th><th class="num">${k(t.renewal.outlook[0])}</th><th class="num">${k(t.renewal.outlook[1])}</th><th class="num"></th></tr></tfoot>
          </table>
          <p>Beschikbaar vernieuwingsbudget: ${amountInput('renewalBudget', t.renewal.budget, 'Beschikbaar vernieuwingsbudget')}
            · B&E ${(t.split.beheerShareBp / 100).toFixed(1).replace('.', ',')}% / vernieuwing ${(t.split.renewalShareBp / 100).toFixed(1).replace('.', ',')}%</p>
        </section>
        <section>
          <h2>Controletotalen</h2>
          <table>
            <thead><tr><th scope="col">Genoemd totaal</th><th scope="col" class="num">Genoemd</th><th scope="col" class="num">Berekend</th><th scope="col" class="num">Verschil</th></tr></thead>
            <tbody>
              ${t.controls.map(
                (c) => html`<tr class=${c.agrees ? '' : 'bad'} title=${c.source}>
                  <td>${c.label}</td><td class="num">${k(c.stated)}</td>
                  <td class="num">${c.computed === null ? 'n.v.t.' : k(c.computed)}</td>
                  <td class="num">${c.difference === null ? '' : k(c.difference)}${c.agrees ? '' : ' ⚠'}</td>
                </tr>`,
              )}
            </tbody>
          </table>
          <h2>Begrotingsregels</h2>
          ${t.violations.length === 0
            ? html`<p>Geen overschrijdingen.</p>`
            : html`<ul class="violations">${t.violations.map((v) => html`<li class="bad">${v.message}</li>`)}</ul>`}
        </section>
        <figure><div class="chart"></div><figcaption class="sr-only">Staafdiagram: vernieuwing per domein, gevraagd en toegekend; de cijfers staan in de tabel hierboven.</figcaption></figure>
        <figure><div class="chart"></div><figcaption class="sr-only">Staafdiagram: B&E per domein.</figcaption></figure>
        <figure><div class="chart"></div><figcaption class="sr-only">Staafdiagram: vernieuwing toegekend en doorkijk per jaar.</figcaption></figure>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'totals-dashboard': TotalsDashboard;
  }
}

