// The list of boards. A board whose stored document does not load is shown as damaged, with the
// reason; the admin restores it from its last agreed snapshot or its last good state, after a
// confirmation that says what happens to the damaged data and to members' unsaved edits.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, type BoardDamage, type BoardSummary, type RepairSource } from './api.ts';
import { baseStyles } from './styles.ts';

interface Choice {
  source: RepairSource;
  /** What the board is restored from, as a phrase: "de vastgestelde snapshot ...". */
  label: string;
}

const when = (iso: string) => new Date(iso).toLocaleString('nl-NL', { dateStyle: 'medium', timeStyle: 'short' });

function choices(damage: BoardDamage): Choice[] {
  const { snapshot, compacted } = damage.restoreFrom;
  const found: Choice[] = [];
  if (snapshot) found.push({ source: { from: 'snapshot', snapshotId: snapshot.id }, label: `de vastgestelde snapshot "${snapshot.name}" (${when(snapshot.createdAt)})` });
  if (compacted) {
    const label =
      compacted.which === 'current'
        ? 'de laatste goede staat (de opgeslagen staat zonder de onleesbare wijzigingen)'
        : `de laatste goede staat${compacted.savedAt ? ` (${when(compacted.savedAt)})` : ''}`;
    found.push({ source: { from: 'compacted' }, label });
  }
  return found;
}

@customElement('board-list')
export class BoardList extends LitElement {
  static override styles = [
    baseStyles,
    css`
      ul { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; max-width: 40rem; }
      a.board { display: block; padding: 1rem; background: white; border-radius: 6px; font-size: 1.2rem; font-weight: 600; }
      .damaged { padding: 1rem; background: white; border-radius: 6px; border: 2px solid #8a1c1c; display: flex; flex-direction: column; gap: 0.5rem; }
      .damaged h2 { font-size: 1.2rem; margin: 0; display: flex; gap: 0.6rem; align-items: center; }
      .badge { font-size: 0.85rem; color: white; background: #8a1c1c; border-radius: 3px; padding: 0.1rem 0.45rem; }
      p { margin: 0; }
      .reason { font-family: ui-monospace, monospace; font-size: 0.9rem; background: #fbeeee; padding: 0.5rem; border-radius: 4px; overflow-wrap: anywhere; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      .confirm { background: #fff7e0; border: 1px solid #c98a00; border-radius: 4px; padding: 0.75rem; display: flex; flex-direction: column; gap: 0.5rem; }
      .notice { color: #0b5a2a; font-weight: 600; }
    `,
  ];

  @property({ attribute: false }) boards: BoardSummary[] = [];
  @property({ type: Boolean }) admin = false;
  @state() private confirming: { boardId: string; choice: Choice } | null = null;
  @state() private busy = false;
  @state() private notice = '';
  @state() private error = '';

  override render() {
    return html`
      <div role="status">${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}</div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <ul aria-label="Borden">
        ${this.boards.map((board) => html`<li>${board.damaged ? this.renderDamaged(board) : this.renderBoard(board)}</li>`)}
      </ul>
    `;
  }

  private renderBoard(board: BoardSummary) {
    return html`<a class="board" href="/board/${board.id}" @click=${(e: Event) => (e.preventDefault(), this.open(board.id))}>${board.title}</a>`;
  }

  private renderDamaged(board: BoardSummary) {
    const { damage } = board;
    const titleId = `damaged-${board.id}`;
    return html`
      <section class="damaged" aria-labelledby=${titleId}>
        <h2 id=${titleId}>${board.title} <span class="badge">Beschadigd</span></h2>
        <p>De opgeslagen gegevens van dit bord kunnen niet worden geladen, dus niemand kan het nu openen.</p>
        ${damage ? html`<p>Reden:</p><p class="reason">${damage.reason}</p>` : nothing}
        ${damage && this.admin ? this.renderRepair(board, damage) : html`<p>De beheerder kan het bord herstellen.</p>`}
      </section>
    `;
  }

  private renderRepair(board: BoardSummary, damage: BoardDamage) {
    const options = choices(damage);
    if (options.length === 0) return html`<p>Er is geen vastgestelde snapshot en geen eerdere goede staat om dit bord uit te herstellen.</p>`;
    const pending = this.confirming?.boardId === board.id ? this.confirming.choice : null;
    if (pending) {
      return html`
        <div class="confirm" role="group" aria-label="Herstellen bevestigen">
          <p><strong>Bord "${board.title}" herstellen uit ${pending.label}?</strong></p>
          <p>
            De beschadigde gegevens blijven bewaard voor onderzoek. Wijzigingen die deelnemers nog op hun eigen computer
            hebben, komen terug zodra hun verbinding herstelt; wat daarna nog ontbreekt, staat alleen in de bewaarde
            gegevens.
          </p>
          <div class="actions">
            <button ?disabled=${this.busy} @click=${() => this.repair(board, pending)}>Ja, herstellen</button>
            <button class="secondary" ?disabled=${this.busy} @click=${() => (this.confirming = null)}>Annuleren</button>
          </div>
        </div>
      `;
    }
    return html`
      <div class="actions">
        ${options.map(
          (choice) => html`<button @click=${() => ((this.confirming = { boardId: board.id, choice }), (this.notice = ''), (this.error = ''))}>
            Herstellen uit ${choice.source.from === 'snapshot' ? 'vastgestelde snapshot' : 'laatste goede staat'}
          </button>`,
        )}
      </div>
      <p>${options.map((choice) => html`<span>${choice.source.from === 'snapshot' ? 'Snapshot' : 'Goede staat'}: ${choice.label}. </span>`)}</p>
    `;
  }

  private async repair(board: BoardSummary, choice: Choice): Promise<void> {
    this.busy = true;
    const result = await api.repairBoard(board.id, choice.source);
    this.busy = false;
    this.confirming = null;
    if (!result.ok) {
      this.error = `Herstellen lukt niet: ${result.error.message}`;
      return;
    }
    this.notice = `Bord "${board.title}" is hersteld uit ${choice.label}.`;
    this.dispatchEvent(new CustomEvent('boards-changed', { bubbles: true, composed: true }));
  }

  private open(boardId: string): void {
    this.dispatchEvent(new CustomEvent<string>('open-board', { detail: boardId, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'board-list': BoardList;
  }
}
