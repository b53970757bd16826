// The roadmap as a timeline: per domain, what is planned on each horizon (0-2, 3-4, 5-6 years),
// with target years where the plan gives them. It follows the board live.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { readSheet, sheetMap, type RowEntry } from '../../../shared/board/board-doc.ts';
import { DOMAINS_AND_GENERIEK, HORIZONS, type Horizon } from '../../../shared/domain.ts';
import { baseStyles } from '../app/styles.ts';
import type { BoardConnection } from '../board/board-connection.ts';

const HORIZON_LABEL: Record<Horizon, string> = { '0-2': 'Concreet 0-2 jaar', '3-4': 'Zicht op 3-4 jaar', '5-6': 'Bestemming 5-6 jaar' };

@customElement('roadmap-timeline')
export class RoadmapTimeline extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      table { border-collapse: separate; border-spacing: 0.5rem; width: 100%; table-layout: fixed; }
      th { text-align: left; vertical-align: top; }
      col.domain { width: 11rem; }
      td { vertical-align: top; background: white; border-radius: 6px; padding: 0.5rem; }
      ul { margin: 0; padding-left: 1.1rem; }
      li { margin: 0.35rem 0; }
      .year { display: inline-block; padding: 0 0.4rem; border-radius: 4px; background: #ffb612; color: #1b1b1b; font-weight: 700; margin-right: 0.3rem; }
      .kind { color: #4a4a4a; font-size: 0.9rem; }
    `,
  ];

  @property({ attribute: false }) connection!: BoardConnection;
  @state() private rows: RowEntry<'roadmap'>[] = [];

  private readonly reload = () => (this.rows = readSheet(this.connection.doc, 'roadmap'));

  override connectedCallback(): void {
    super.connectedCallback();
    this.reload();
    sheetMap(this.connection.doc, 'roadmap').observeDeep(this.reload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    sheetMap(this.connection.doc, 'roadmap').unobserveDeep(this.reload);
  }

  override render() {
    return html`
      <h2>Roadmap per horizon</h2>
      <table>
        <colgroup><col class="domain" />${HORIZONS.map(() => html`<col />`)}</colgroup>
        <thead><tr><th scope="col">Domein</th>${HORIZONS.map((h) => html`<th scope="col">${HORIZON_LABEL[h]}</th>`)}</tr></thead>
        <tbody>
          ${DOMAINS_AND_GENERIEK.map(
            (domain) => html`<tr>
              <th scope="row">${domain}</th>
              ${HORIZONS.map((horizon) => {
                const items = this.rows
                  .filter(({ row }) => row.domain === domain && row.horizon === horizon)
                  .sort((a, b) => (a.row.targetYear ?? 9999) - (b.row.targetYear ?? 9999));
                return html`<td>
                  <ul>
                    ${items.map(
                      ({ id, row }) => html`<li data-row=${id}>
                        ${row.targetYear ? html`<span class="year">${row.targetYear}</span>` : ''}${row.activity}
                        <span class="kind">(${row.kind === 'opgave' ? `opgave: ${row.opgave}` : row.opgave || 'actieplan'})</span>
                      </li>`,
                    )}
                  </ul>
                </td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roadmap-timeline': RoadmapTimeline;
  }
}
