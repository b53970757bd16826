// The dashboard's charts (AG Charts), loaded only when the dashboard opens: bar charts of renewal
// requested against allocated per domain, B&E per domain, and allocated renewal with its outlook.
// The figures behind every chart are also in the dashboard's tables.
import {
  AgCharts,
  BarSeriesModule,
  CartesianChartModule,
  CategoryAxisModule,
  LegendModule,
  ModuleRegistry,
  NumberAxisModule,
  type AgCartesianChartOptions,
  type AgChartInstance,
} from 'ag-charts-community';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatThousands } from '../../../shared/amount.ts';
import { DOMAINS, DOMAINS_AND_GENERIEK } from '../../../shared/domain.ts';
import type { BoardTotals } from '../../../shared/totals/types.ts';

ModuleRegistry.registerModules([CartesianChartModule, BarSeriesModule, CategoryAxisModule, NumberAxisModule, LegendModule]);

const thousands = (euros: number) => euros / 1000;

function chartSpecs(t: BoardTotals): { title: string; caption: string; options: AgCartesianChartOptions }[] {
  const renewal = DOMAINS_AND_GENERIEK.map((domain) => ({
    domain,
    gevraagd: thousands(t.renewal.byDomain[domain].requested),
    toegekend: thousands(t.renewal.byDomain[domain].allocated),
  }));
  return [
    {
      title: `Vernieuwing per domein: gevraagd en toegekend ${t.year}`,
      caption: 'Staafdiagram; de bedragen staan ook in de tabel "Per domein".',
      options: {
        data: renewal,
        series: [
          { type: 'bar', xKey: 'domain', yKey: 'gevraagd', yName: 'Gevraagd' },
          { type: 'bar', xKey: 'domain', yKey: 'toegekend', yName: 'Toegekend' },
        ],
      },
    },
    {
      title: `B&E per domein ${t.year}`,
      caption: 'Staafdiagram; de bedragen staan ook in de tabel "Per domein".',
      options: {
        data: DOMAINS.map((domain) => ({ domain, bedrag: thousands(t.beheer.byDomain[domain]) })),
        series: [{ type: 'bar', xKey: 'domain', yKey: 'bedrag', yName: 'B&E' }],
      },
    },
    {
      title: 'Vernieuwing: toegekend en doorkijk',
      caption: 'Staafdiagram; de bedragen staan ook in de tabel "Per domein", regel Totaal.',
      options: {
        data: [
          { jaar: String(t.year), bedrag: thousands(t.renewal.allocated) },
          { jaar: String(t.renewal.outlookYears[0]), bedrag: thousands(t.renewal.outlook[0]) },
          { jaar: String(t.renewal.outlookYears[1]), bedrag: thousands(t.renewal.outlook[1]) },
        ],
        series: [{ type: 'bar', xKey: 'jaar', yKey: 'bedrag', yName: 'Vernieuwing' }],
      },
    },
  ];
}

@customElement('dashboard-charts')
export class DashboardCharts extends LitElement {
  static override styles = css`
    :host { display: grid; grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr)); gap: 1rem; }
    figure { margin: 0; background: white; border-radius: 6px; padding: 0.75rem; border: 1px solid #d8dde3; }
    figcaption { font-weight: 700; color: #154273; margin-bottom: 0.25rem; }
    .chart { height: clamp(260px, 32vh, 480px); }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `;

  @property({ attribute: false }) totals: BoardTotals | null = null;
  private charts: AgChartInstance[] = [];

  override render() {
    if (!this.totals) return html``;
    return html`${chartSpecs(this.totals).map(
      (spec) => html`<figure>
        <figcaption>${spec.title} (x € 1.000)<span class="sr-only">: ${spec.caption}</span></figcaption>
        <div class="chart"></div>
      </figure>`,
    )}`;
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('totals') && this.totals) this.draw(this.totals);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.charts.forEach((chart) => chart.destroy());
    this.charts = [];
  }

  private draw(totals: BoardTotals): void {
    // Chart text grows with the page's, so a projector shows it as large as the tables.
    const fontSize = Math.round(parseFloat(getComputedStyle(this).fontSize) * 0.85) || 14;
    const containers = [...this.renderRoot.querySelectorAll<HTMLElement>('.chart')];
    chartSpecs(totals).forEach((spec, index) => {
      const container = containers[index];
      if (!container) return;
      const options: AgCartesianChartOptions = {
        ...spec.options,
        container,
        animation: { enabled: false },
        axes: {
          x: { type: 'category', position: 'bottom' },
          y: { type: 'number', position: 'left', label: { formatter: ({ value }: { value: unknown }) => formatThousands(Math.round(Number(value) * 1000)) } },
        },
        theme: {
          baseTheme: 'ag-default',
          palette: { fills: ['#154273', '#e17000', '#39870c'], strokes: ['#154273', '#e17000', '#39870c'] },
          params: { fontSize, textColor: '#1b1b1b', foregroundColor: '#1b1b1b' },
        },
      };
      const existing = this.charts[index];
      if (existing) void existing.update(options);
      else this.charts[index] = AgCharts.create(options);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dashboard-charts': DashboardCharts;
  }
}
