// The roadmap as a timeline: per domain, what is planned on each horizon (0-2, 3-4, 5-6 years),
// grouped by target year where the plan gives one. It follows the board live.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RowEntry } from '../../../shared/board/board-doc.ts';
import { readMeta } from '../../../shared/board/board-doc.ts';
import { DOMAINS_AND_GENERIEK, HORIZONS, type Horizon } from '../../../shared/domain.ts';
import { baseStyles } from '../app/styles.ts';
import { ConnectionController } from '../board/connection-controller.ts';
import type { DomainChoice } from '../board/domain-choice-controller.ts';
import { SheetEntriesController } from '../board/sheet-entries-controller.ts';

const HORIZON_LABEL: Record<Horizon, string> = { '0-2': 'Concreet 0-2 jaar', '3-4': 'Zicht op 3-4 jaar', '5-6': 'Bestemming 5-6 jaar' };
const HORIZON_START: Record<Horizon, number> = { '0-2': 0, '3-4': 3, '5-6': 5 };

type Entry = RowEntry<'roadmap'>;

/** Items of one horizon grouped by target year, years in order, items without a year last. */
function byYear(items: readonly Entry[]): { year: number | null; items: Entry[] }[] {
  const groups = new Map<number | null, Entry[]>();
  for (const item of items) {
    const year = item.row.targetYear;
    groups.set(year, [...(groups.get(year) ?? []), item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))
    .map(([year, grouped]) => ({ year, items: grouped }));
}

@customElement('roadmap-timeline')
export class RoadmapTimeline extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; padding-top: 0.5rem; }
      h2 { font-size: 1.3rem; }
      table { border-collapse: separate; border-spacing: 0.4rem; width: 100%; table-layout: fixed; }
      col.domain { width: 10rem; }
      thead th { text-align: left; vertical-align: bottom; background: #154273; color: white; padding: 0.5rem 0.75rem; border-radius: 4px; }
      thead th .years { display: block; font-weight: 400; font-size: 0.9rem; }
      tbody th { text-align: left; vertical-align: top; padding: 0.5rem; color: #154273; }
      td { vertical-align: top; background: white; border: 1px solid #d8dde3; border-radius: 6px; padding: 0.5rem 0.75rem; }
      h3 { font-size: 0.95rem; margin: 0.5rem 0 0.25rem; color: #1b1b1b; }
      h3:first-child { margin-top: 0; }
      .year { display: inline-block; padding: 0 0.45rem; border-radius: 4px; background: #ffb612; color: #1b1b1b; }
      .none { background: #e8eef5; }
      ul { margin: 0; padding-left: 1.1rem; }
      li { margin: 0.3rem 0; line-height: 1.4; }
      .opgave { display: block; color: #4a4a4a; font-size: 0.88rem; }
      .count { color: #4a4a4a; font-weight: 400; font-size: 0.9rem; }
      .empty { color: #4a4a4a; font-style: italic; }
    `,
  ];

  @property({ attribute: false }) domain: DomainChoice = '';
  private readonly connection = new ConnectionController(this);
  private readonly roadmap = new SheetEntriesController(this, this.connection, 'roadmap');

  override render() {
    if (!this.connection.available) return nothing;
    const year = readMeta(this.connection.connection.doc).year;
    const domains = DOMAINS_AND_GENERIEK.filter((domain) => !this.domain || domain === this.domain);
    return html`
      <h2>Roadmap per horizon${this.domain ? `: ${this.domain}` : ''}</h2>
      <table>
        <caption class="sr-only">Roadmap: per domein de activiteiten per horizon, gegroepeerd per streefjaar</caption>
        <colgroup><col class="domain" />${HORIZONS.map(() => html`<col />`)}</colgroup>
        <thead>
          <tr>
            <th scope="col">Domein</th>
            ${HORIZONS.map(
              (horizon) => html`<th scope="col">${HORIZON_LABEL[horizon]}${year ? html`<span class="years">${year + HORIZON_START[horizon]}–${year + HORIZON_START[horizon] + (horizon === '0-2' ? 2 : 1)}</span>` : nothing}</th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${domains.map((domain) => {
            const own = this.roadmap.entries.filter(({ row }) => row.domain === domain);
            return html`<tr>
              <th scope="row">${domain} <span class="count">(${own.length})</span></th>
              ${HORIZONS.map((horizon) => this.renderCell(own.filter(({ row }) => row.horizon === horizon)))}
            </tr>`;
          })}
        </tbody>
      </table>
    `;
  }

  private renderCell(items: Entry[]) {
    if (items.length === 0) return html`<td><span class="empty">Niets gepland</span></td>`;
    return html`<td>
      ${byYear(items).map(
        (group) => html`<h3><span class="year ${group.year ? '' : 'none'}">${group.year ?? 'Zonder streefjaar'}</span></h3>
          <ul>
            ${group.items.map(
              ({ id, row }) => html`<li data-row=${id}>${row.activity || '(zonder omschrijving)'}
                ${row.opgave ? html`<span class="opgave">${row.kind === 'opgave' ? 'Opgave' : 'Doel'}: ${row.opgave}</span>` : nothing}</li>`,
            )}
          </ul>`,
      )}
    </td>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roadmap-timeline': RoadmapTimeline;
  }
}
