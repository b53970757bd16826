// The meeting of a programmeringstafel: the open session with who is there and what changed, cells
// two people set at once (a chair settles them), and the snapshots: save, agree, compare with the
// board as it is now, export, restore.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatSignedThousands, formatThousands, type Amount } from '../../../shared/amount.ts';
import { canEdit, hasRole, type Role } from '../../../shared/access/roles.ts';
import { columnOf, isSheetName } from '../../../shared/board/sheets.ts';
import { baseStyles } from '../app/styles.ts';
import { MeetingController, type SnapshotSummary } from './meeting-controller.ts';

const SHEET_LABEL: Record<string, string> = { beheer: 'B&E', vernieuwing: 'Vernieuwing', roadmap: 'Roadmap' };

function show(sheet: string, field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  const column = isSheetName(sheet) ? columnOf(sheet, field) : undefined;
  if (column?.kind.type === 'amount') return formatThousands(value as Amount);
  return typeof value === 'object' ? 'rij' : String(value);
}

const label = (sheet: string, field: string) => (isSheetName(sheet) ? (columnOf(sheet, field)?.label ?? field) : field);
const time = (iso: string) => new Date(iso).toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

@customElement('meeting-panel')
export class MeetingPanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: flex; flex-direction: column; gap: 1rem; padding: 0.75rem 0; max-width: 72rem; }
      section { background: white; padding: 1rem 1.25rem; border-radius: 6px; border: 1px solid #d8dde3; }
      h2 { font-size: 1.25rem; }
      form { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; margin: 0.5rem 0; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid #d8dde3; vertical-align: top; }
      .log { max-height: 22rem; overflow: auto; }
      .conflict { border-left: 4px solid #d52b1e; padding-left: 0.75rem; margin: 0.5rem 0; }
      .badge { background: #0b5a2a; color: white; border-radius: 4px; padding: 0 0.4rem; font-size: 0.85rem; }
      .num { text-align: right; font-variant-numeric: tabular-nums; }
      .notice { color: #154273; font-weight: 600; }
      a.button { display: inline-block; padding: 0.25rem 0.6rem; border: 1px solid #154273; border-radius: 4px; text-decoration: none; margin: 0.1rem; }
    `,
  ];

  @property({ attribute: false }) boardId = '';
  @property({ attribute: false }) boardRole: Role = 'viewer';
  private readonly meeting = new MeetingController(this, () => this.boardId);

  override render() {
    const { session, conflicts, snapshots, comparison, message } = this.meeting;
    const chair = hasRole(this.boardRole, 'chair');
    return html`
      <div role="status">${message ? html`<p class="notice">${message}</p>` : nothing}</div>
      <section aria-labelledby="session-title">
        <h2 id="session-title">${session ? `Sessie: ${session.title}` : 'Sessie'}</h2>
        ${session ? this.renderSession(chair) : chair ? this.openForm() : html`<p>Er is geen sessie geopend.</p>`}
      </section>
      ${conflicts.length > 0
        ? html`<section aria-labelledby="conflict-title">
            <h2 id="conflict-title">Gelijktijdige wijzigingen (${conflicts.length})</h2>
            ${conflicts.map(
              (conflict) => html`<div class="conflict">
                <p>${SHEET_LABEL[conflict.sheet]} · ${label(conflict.sheet, conflict.field)}: twee waarden tegelijk ingevuld.</p>
                <ul>
                  ${conflict.values.map(
                    (v) => html`<li>${show(conflict.sheet, conflict.field, v.value)} door ${v.author} om ${time(v.at)}${v.kept ? ' (staat nu in het bord)' : ''}
                      ${chair ? html`<button class="secondary" @click=${() => this.meeting.settle(conflict.id, v.value)}>Deze houden</button>` : nothing}</li>`,
                  )}
                </ul>
              </div>`,
            )}
          </section>`
        : nothing}
      <section aria-labelledby="snapshot-title">
        <h2 id="snapshot-title">Momentopnamen</h2>
        ${canEdit(this.boardRole)
          ? html`<form @submit=${(e: SubmitEvent) => this.submit(e, (name) => this.meeting.saveSnapshot(name, false))}>
              <label for="snapshot-name">Naam</label>
              <input id="snapshot-name" name="name" required maxlength="120" />
              <button type="submit">Momentopname opslaan</button>
            </form>`
          : nothing}
        <table>
          <thead><tr><th scope="col">Naam</th><th scope="col">Door</th><th scope="col">Wanneer</th><th scope="col">Exporteren</th><th scope="col"><span class="sr-only">Acties</span></th></tr></thead>
          <tbody>${snapshots.map((snapshot) => this.renderSnapshot(snapshot, chair))}</tbody>
        </table>
      </section>
      ${comparison ? this.renderComparison() : nothing}
    `;
  }

  private openForm() {
    return html`<form @submit=${(e: SubmitEvent) => this.submit(e, (title) => this.meeting.openSession(title), 'title')}>
      <label for="session-name">Titel van de sessie</label>
      <input id="session-name" name="title" required maxlength="120" />
      <button type="submit">Sessie openen</button>
    </form>`;
  }

  private renderSession(chair: boolean) {
    const session = this.meeting.session!;
    return html`
      <p>Aanwezig: ${session.attendees.map((a) => a.name).join(', ') || 'nog niemand'}</p>
      ${chair
        ? html`<form @submit=${(e: SubmitEvent) => this.submit(e, (name) => this.meeting.saveSnapshot(name, true))}>
            <label for="agreed-name">Vaststellen als</label>
            <input id="agreed-name" name="name" required maxlength="120" value=${`Vastgesteld: ${session.title}`} />
            <button type="submit">Vaststellen en sessie sluiten</button>
          </form>`
        : nothing}
      <h3>Wijzigingen (${session.changes.length})</h3>
      <div class="log" tabindex="0" aria-label="Wijzigingen in deze sessie">
        <table>
          <thead><tr><th scope="col">Tijd</th><th scope="col">Wie</th><th scope="col">Blad</th><th scope="col">Veld</th><th scope="col">Was</th><th scope="col">Wordt</th></tr></thead>
          <tbody>
            ${[...session.changes].reverse().map(
              (c) => html`<tr><td>${time(c.at)}</td><td>${c.author}</td><td>${SHEET_LABEL[c.sheet] ?? c.sheet}</td>
                <td>${c.kind === 'cell' ? label(c.sheet, c.field) : c.kind === 'row-added' ? 'rij toegevoegd' : 'rij verwijderd'}</td>
                <td>${show(c.sheet, c.field, c.before)}</td><td>${show(c.sheet, c.field, c.after)}</td></tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private renderSnapshot(snapshot: SnapshotSummary, chair: boolean) {
    const link = (query: string, text: string) => html`<a class="button" href=${this.meeting.exportUrl(snapshot, query)} download>${text}</a>`;
    return html`<tr>
      <td>${snapshot.name} ${snapshot.agreed ? html`<span class="badge">vastgesteld</span>` : nothing}</td>
      <td>${snapshot.createdBy ?? ''}</td>
      <td>${new Date(snapshot.createdAt).toLocaleString('nl-NL', { dateStyle: 'medium', timeStyle: 'short' })}</td>
      <td>${link('format=xlsx', 'Excel')} ${link('format=csv&sheet=beheer', 'CSV B&E')} ${link('format=csv&sheet=vernieuwing', 'CSV vernieuwing')} ${link('format=json', 'JSON')}</td>
      <td>
        <button class="secondary" @click=${() => this.meeting.compare(snapshot)}>Vergelijk met nu</button>
        ${chair ? html`<button class="secondary" @click=${() => confirm(`"${snapshot.name}" herstellen als de huidige stand?`) && this.meeting.restore(snapshot)}>Herstellen</button>` : nothing}
      </td>
    </tr>`;
  }

  private renderComparison() {
    const { snapshot, result } = this.meeting.comparison!;
    const changes = Object.entries(result.sheets).flatMap(([sheet, s]) => s.changed.map((c) => ({ sheet, ...c })));
    const added = Object.entries(result.sheets).flatMap(([sheet, s]) => s.added.map((r) => `${SHEET_LABEL[sheet]}: ${r.label}`));
    const removed = Object.entries(result.sheets).flatMap(([sheet, s]) => s.removed.map((r) => `${SHEET_LABEL[sheet]}: ${r.label}`));
    const totals = result.totals.filter((t) => /^(beheer\.(total|byDomain)|renewal\.(requested|allocated|byDomain\.\w+\.(requested|allocated)))/.test(t.path) && !t.path.includes('outlook'));
    return html`<section aria-labelledby="compare-title">
      <h2 id="compare-title">"${snapshot.name}" vergeleken met nu</h2>
      ${changes.length + added.length + removed.length === 0 ? html`<p>Geen verschillen.</p>` : nothing}
      ${changes.length > 0
        ? html`<table>
            <thead><tr><th scope="col">Blad</th><th scope="col">Rij</th><th scope="col">Veld</th><th scope="col">Toen</th><th scope="col">Nu</th></tr></thead>
            <tbody>${changes.map((c) => html`<tr><td>${SHEET_LABEL[c.sheet]}</td><td>${c.label}</td><td>${label(c.sheet, c.field)}</td><td>${show(c.sheet, c.field, c.before)}</td><td>${show(c.sheet, c.field, c.after)}</td></tr>`)}</tbody>
          </table>`
        : nothing}
      ${added.length > 0 ? html`<p>Toegevoegd: ${added.join('; ')}</p>` : nothing}
      ${removed.length > 0 ? html`<p>Verwijderd: ${removed.join('; ')}</p>` : nothing}
      ${totals.length > 0
        ? html`<h3>Totalen (x € 1.000)</h3><table><tbody>${totals.map((t) => html`<tr><td>${t.path}</td><td class="num">${formatSignedThousands(t.before)}</td><td class="num">${formatSignedThousands(t.after)}</td><td class="num">${formatSignedThousands(t.difference)}</td></tr>`)}</tbody></table>`
        : nothing}
    </section>`;
  }

  private async submit(event: SubmitEvent, action: (value: string) => Promise<boolean>, field = 'name'): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = String(new FormData(form).get(field) ?? '').trim();
    if (value && (await action(value))) form.reset();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'meeting-panel': MeetingPanel;
  }
}
