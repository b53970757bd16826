// One sheet of the board as an editable grid. Every change comes from the Y.Doc as a row
// transaction (only the changed rows), so focus, editors, selection, scroll and sort stay put when
// someone else types; every edit goes to the Y.Doc as one transaction, validated first.
import { AG_GRID_LOCALE_NL } from '@ag-grid-community/locale';
import {
  createGrid,
  themeQuartz,
  type CellEditRequestEvent,
  type CellFocusedEvent,
  type GridApi,
  type IRowNode,
} from 'ag-grid-community';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import * as Y from 'yjs';
import { canEdit } from '../../../shared/access/roles.ts';
import { deleteRow, insertRow, moveRow, readSheet, setCell, sheetMap, readRow, readPos } from '../../../shared/board/board-doc.ts';
import { COLUMNS, EMPTY_ROWS, columnOf, type SheetName } from '../../../shared/board/sheets.ts';
import { DOMAINS, DOMAINS_AND_GENERIEK } from '../../../shared/domain.ts';
import { observeTotals, type LiveTotals } from '../../../shared/totals/board-totals.ts';
import type { BoardConnection } from '../board/board-connection.ts';
import { formatCell, parseCellInput } from './cell-input.ts';
import { columnDefs, type CellMarks, type GridRow } from './column-defs.ts';
import { pinnedTotals, violationMarks } from './pinned-totals.ts';
import { parseTsv, toTsv } from './tsv.ts';

const theme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 15,
  headerFontWeight: 700,
  accentColor: '#154273',
  headerBackgroundColor: '#e8eef5',
  rowVerticalPaddingScale: 0.8,
});

function gridRow(id: string, rowMap: Y.Map<unknown>, sheet: SheetName): GridRow {
  return { id, pos: readPos(rowMap), ...readRow(sheet, rowMap) };
}

@customElement('sheet-grid')
export class SheetGrid extends LitElement {
  static override styles = css`
    :host { display: flex; flex-direction: column; gap: 0.5rem; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    .toolbar label { font-weight: 600; }
    button, select { font: inherit; padding: 0.35rem 0.8rem; border: 1px solid #154273; border-radius: 4px; background: white; color: #154273; cursor: pointer; }
    button:hover:not(:disabled) { background: #e8eef5; }
    button:focus-visible, select:focus-visible { outline: 3px solid #ffb612; outline-offset: 2px; }
    button:disabled { opacity: 0.5; cursor: default; }
    .message { padding: 0.5rem 0.75rem; border-radius: 4px; background: #fde8e8; color: #8a1c1c; border: 1px solid #d52b1e; white-space: pre-line; }
    .message.info { background: #e8f1fb; color: #154273; border-color: #154273; }
    .grid { height: max(420px, calc(100vh - 300px)); }
    .cell-amount { font-variant-numeric: tabular-nums; }
    .cell-violation { background: #fde8e8 !important; color: #8a1c1c; font-weight: 700; }
    .cell-total { font-weight: 700; background: #f1f4f8; }
    .detail { background: white; border-radius: 6px; padding: 0.75rem 1rem; max-height: 14rem; overflow: auto; }
    .detail h3 { margin: 0 0 0.25rem; color: #154273; }
    .detail h4 { margin: 0.5rem 0 0.1rem; }
    .detail p { margin: 0; white-space: pre-line; }
    dialog { border: 2px solid #154273; border-radius: 6px; padding: 1.25rem; }
    dialog::backdrop { background: rgb(0 0 0 / 0.35); }
  `;

  @property({ attribute: false }) connection!: BoardConnection;
  @property() sheet: SheetName = 'beheer';
  @state() private message = '';
  @state() private messageKind: 'error' | 'info' = 'error';
  @state() private domainFilter = '';
  /** The focused row, for the detail panel that shows its long texts in full. */
  @state() private detail: GridRow | null = null;

  private api?: GridApi<GridRow>;
  private totals?: LiveTotals;
  private readonly marks: CellMarks = { violations: new Map(), cursors: new Map() };
  private focused: { rowId: string; field: string } | null = null;
  private pinnedFrame = 0;

  private get editable(): boolean {
    return canEdit(this.connection.role);
  }

  override render() {
    const domains = this.sheet === 'beheer' ? DOMAINS : DOMAINS_AND_GENERIEK;
    return html`
      <div class="toolbar" role="toolbar" aria-label="Bewerken">
        <label for="domain">Domein</label>
        <select id="domain" @change=${(e: Event) => this.filterDomain((e.target as HTMLSelectElement).value)}>
          <option value="">Alle domeinen</option>
          ${domains.map((domain) => html`<option value=${domain} ?selected=${domain === this.domainFilter}>${domain}</option>`)}
        </select>
        ${this.editable
          ? html`
              <button @click=${this.addRow}>Rij toevoegen</button>
              <button @click=${this.askDelete}>Rij verwijderen</button>
              <button @click=${() => this.move(-1)} aria-label="Rij omhoog">↑ Omhoog</button>
              <button @click=${() => this.move(1)} aria-label="Rij omlaag">↓ Omlaag</button>
              <button @click=${() => this.connection.undo.undo()} title="Ctrl+Z">Ongedaan maken</button>
              <button @click=${() => this.connection.undo.redo()} title="Ctrl+Y">Opnieuw</button>
            `
          : html`<span>Alleen lezen</span>`}
      </div>
      <div role=${this.messageKind === 'error' ? 'alert' : 'status'} aria-live="polite">
        ${this.message ? html`<div class="message ${this.messageKind}">${this.message}</div>` : nothing}
      </div>
      <div class="grid" @keydown=${this.onKeydown} @paste=${this.onPaste} @copy=${this.onCopy}></div>
      ${this.renderDetail()}
      <dialog id="confirm-delete" aria-labelledby="confirm-title">
        <p id="confirm-title">Deze rij verwijderen? U kunt dit ongedaan maken met Ctrl+Z.</p>
        <button @click=${this.confirmDelete}>Verwijderen</button>
        <button @click=${() => this.dialog?.close()}>Annuleren</button>
      </dialog>
    `;
  }

  private renderDetail() {
    const row = this.detail;
    const long = COLUMNS[this.sheet].filter((column) => column.kind.type === 'text' && column.kind.multiline);
    if (!row || long.length === 0) return nothing;
    const title = COLUMNS[this.sheet].find((column) => column.kind.type === 'text' && !column.kind.multiline);
    return html`<section class="detail" aria-label="Details van de gekozen rij">
      <h3>${title ? String(row[title.field] ?? '') : ''}</h3>
      ${long.map((column) => (row[column.field] ? html`<h4>${column.label}</h4><p>${String(row[column.field])}</p>` : nothing))}
    </section>`;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('#confirm-delete');
  }

  override firstUpdated(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.grid')!;
    const { doc } = this.connection;
    this.totals = observeTotals(doc);
    this.api = createGrid<GridRow>(container, {
      theme,
      localeText: AG_GRID_LOCALE_NL,
      columnDefs: columnDefs(this.sheet, this.editable, this.marks),
      rowData: readSheet(doc, this.sheet).map(({ id, pos, row }) => ({ id, pos, ...row })),
      getRowId: (params) => params.data.id,
      readOnlyEdit: true,
      onCellEditRequest: (event) => this.onEditRequest(event),
      onCellFocused: (event) => this.onCellFocused(event),
      onSortChanged: (event) => {
        // Without a sort of its own, the grid keeps the board's order.
        if (event.api.getColumnState().every((column) => !column.sort)) event.api.applyColumnState({ state: [{ colId: 'pos', sort: 'asc' }] });
      },
      isExternalFilterPresent: () => this.domainFilter !== '',
      doesExternalFilterPass: (node) => node.data?.domain === this.domainFilter,
      stopEditingWhenCellsLoseFocus: true,
      enterNavigatesVerticallyAfterEdit: true,
      tooltipShowDelay: 300,
      rowSelection: { mode: 'singleRow', checkboxes: false, enableClickSelection: true },
      pinnedBottomRowData: pinnedTotals(this.sheet, this.totals.totals(), ''),
    });
    sheetMap(doc, this.sheet).observeDeep(this.onSheetChange);
    this.totals.onChange(this.scheduleTotals);
    this.connection.addEventListener('presence', this.onPresence);
    this.scheduleTotals();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    sheetMap(this.connection.doc, this.sheet).unobserveDeep(this.onSheetChange);
    this.connection.removeEventListener('presence', this.onPresence);
    this.totals?.destroy();
    this.api?.destroy();
  }

  /** Remote and local changes alike reach the grid as a transaction of the rows that changed. */
  private readonly onSheetChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const api = this.api;
    if (!api) return;
    const map = sheetMap(this.connection.doc, this.sheet);
    const touched = new Set<string>();
    for (const event of events) {
      const [first] = event.path;
      if (typeof first === 'string') touched.add(first);
      else for (const key of event.changes.keys.keys()) touched.add(key);
    }
    const add: GridRow[] = [];
    const update: GridRow[] = [];
    const remove: { id: string }[] = [];
    for (const id of touched) {
      const rowMap = map.get(id);
      const exists = api.getRowNode(id) !== undefined;
      if (!(rowMap instanceof Y.Map)) {
        if (exists) remove.push({ id });
      } else (exists ? update : add).push(gridRow(id, rowMap, this.sheet));
    }
    api.applyTransaction({ add, update, remove: remove as GridRow[] });
    if (this.detail && touched.has(this.detail.id)) this.detail = api.getRowNode(this.detail.id)?.data ?? null;
  };

  private readonly scheduleTotals = () => {
    if (this.pinnedFrame) return;
    this.pinnedFrame = requestAnimationFrame(() => {
      this.pinnedFrame = 0;
      if (!this.api || !this.totals) return;
      const totals = this.totals.totals();
      this.showPinned(pinnedTotals(this.sheet, totals, this.domainFilter));
      const violations = violationMarks(totals);
      const changed = [...new Set([...violations.keys(), ...this.marks.violations.keys()])].map((key) => key.split(':')[0]!);
      this.marks.violations = violations;
      this.refreshRows(changed);
    });
  };

  /** Updates the pinned totals in place when their rows stay the same, so an open editor stays open. */
  private showPinned(rows: GridRow[]): void {
    const api = this.api!;
    const same = api.getPinnedBottomRowCount() === rows.length && rows.every((row, i) => api.getPinnedBottomRow(i)?.data?.id === row.id);
    if (same) rows.forEach((row, i) => api.getPinnedBottomRow(i)!.updateData(row));
    else api.setGridOption('pinnedBottomRowData', rows);
  }

  private readonly onPresence = () => {
    const before = [...this.marks.cursors.keys()].map((key) => key.split(':')[0]!);
    const cursors = new Map<string, { color: string; name: string }>();
    for (const person of this.connection.presence()) {
      if (person.self || !person.cursor || person.cursor.sheet !== this.sheet) continue;
      cursors.set(`${person.cursor.rowId}:${person.cursor.field}`, { color: person.color, name: person.name });
    }
    this.marks.cursors = cursors;
    this.refreshRows([...before, ...[...cursors.keys()].map((key) => key.split(':')[0]!)]);
  };

  private refreshRows(ids: string[]): void {
    const nodes = ids.map((id) => this.api?.getRowNode(id)).filter((node): node is IRowNode<GridRow> => node !== undefined);
    if (nodes.length > 0) this.api?.refreshCells({ rowNodes: nodes, force: true });
  }

  private onCellFocused(event: CellFocusedEvent<GridRow>): void {
    const column = typeof event.column === 'object' && event.column ? event.column.getColId() : null;
    const node = event.rowIndex === null || event.rowPinned ? undefined : event.api.getDisplayedRowAtIndex(event.rowIndex ?? -1);
    this.focused = node?.data && column ? { rowId: node.data.id, field: column } : null;
    this.detail = node?.data ?? null;
    this.connection.setCursor(this.focused ? { sheet: this.sheet, ...this.focused } : null);
  }

  private onEditRequest(event: CellEditRequestEvent<GridRow>): void {
    const field = event.colDef.field;
    const column = field ? columnOf(this.sheet, field) : undefined;
    if (!column || !event.data || event.node.rowPinned) return;
    const parsed = parseCellInput(column, event.newValue);
    if (!parsed.ok) return this.say(parsed.error);
    const result = this.connection.edit(() => setCell(this.connection.doc, this.sheet, event.data!.id, column.field, parsed.value, this.connection.origin));
    if (!result.ok) return this.say(result.error);
    this.say('');
  }

  private say(message: string, kind: 'error' | 'info' = 'error'): void {
    this.message = message;
    this.messageKind = kind;
  }

  private filterDomain(domain: string): void {
    this.domainFilter = domain;
    this.api?.onFilterChanged();
    this.scheduleTotals();
  }

  private focusedRowId(): string | null {
    const cell = this.api?.getFocusedCell();
    if (!cell || cell.rowPinned) return this.focused?.rowId ?? null;
    return this.api?.getDisplayedRowAtIndex(cell.rowIndex)?.data?.id ?? null;
  }

  private readonly addRow = () => {
    const after = this.focusedRowId();
    const base = { ...EMPTY_ROWS[this.sheet] } as Record<string, unknown>;
    if (this.domainFilter && 'domain' in base) base.domain = this.domainFilter;
    const inserted = this.connection.edit(() =>
      insertRow(this.connection.doc, this.sheet, base, this.connection.origin, after ? { after } : {}),
    );
    if (!inserted.ok) return this.say(inserted.error.map((e) => e.message).join('\n'));
    this.say('Rij toegevoegd.', 'info');
    const node = this.api?.getRowNode(inserted.value);
    const firstColumn = COLUMNS[this.sheet][0]!.field;
    if (node?.rowIndex !== undefined && node.rowIndex !== null) this.api?.setFocusedCell(node.rowIndex, firstColumn);
  };

  private readonly askDelete = () => {
    if (!this.focusedRowId()) return this.say('Kies eerst een rij.', 'info');
    this.dialog?.showModal();
  };

  private readonly confirmDelete = () => {
    this.dialog?.close();
    const id = this.focusedRowId();
    if (!id) return;
    const removed = this.connection.edit(() => deleteRow(this.connection.doc, this.sheet, id, this.connection.origin));
    this.say(removed.ok ? 'Rij verwijderd. Ongedaan maken met Ctrl+Z.' : removed.error, removed.ok ? 'info' : 'error');
  };

  private move(direction: -1 | 1): void {
    const id = this.focusedRowId();
    if (!id) return this.say('Kies eerst een rij.', 'info');
    const order = readSheet(this.connection.doc, this.sheet).map((entry) => entry.id);
    const index = order.indexOf(id);
    const target = index + direction;
    if (index < 0 || target < 0 || target >= order.length) return;
    const after = direction < 0 ? (order[target - 1] ?? null) : order[target]!;
    this.connection.edit(() => moveRow(this.connection.doc, this.sheet, id, after, this.connection.origin));
  }

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || (this.api?.getEditingCells().length ?? 0) > 0 || !this.editable) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) this.connection.undo.undo();
    else if (key === 'y' || (key === 'z' && event.shiftKey)) this.connection.undo.redo();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  private readonly onCopy = (event: ClipboardEvent) => {
    const cell = this.api?.getFocusedCell();
    if (!cell || (this.api?.getEditingCells().length ?? 0) > 0) return;
    const node = cell.rowPinned ? undefined : this.api?.getDisplayedRowAtIndex(cell.rowIndex);
    const column = columnOf(this.sheet, cell.column.getColId());
    if (!node?.data || !column) return;
    event.clipboardData?.setData('text/plain', toTsv([[formatCell(column, node.data[column.field])]]));
    event.preventDefault();
  };

  /** A block pasted from Excel lands whole, from the focused cell on, or not at all. */
  private readonly onPaste = (event: ClipboardEvent) => {
    if (!this.editable || !this.api || this.api.getEditingCells().length > 0) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const cell = this.api.getFocusedCell();
    if (!text || !cell || cell.rowPinned) return;
    event.preventDefault();
    const block = parseTsv(text);
    const columns = this.api.getAllDisplayedColumns().map((c) => c.getColId());
    const startColumn = columns.indexOf(cell.column.getColId());
    const errors: string[] = [];
    const edits: { rowIndex: number; field: string; value: unknown }[] = [];
    block.forEach((cells, r) => {
      cells.forEach((input, c) => {
        const field = columns[startColumn + c];
        const column = field ? columnOf(this.sheet, field) : undefined;
        if (!column) return errors.push(`Rij ${r + 1}, kolom ${c + 1}: buiten het blad.`);
        const parsed = parseCellInput(column, input);
        if (!parsed.ok) errors.push(`Rij ${r + 1}: ${parsed.error}`);
        else edits.push({ rowIndex: cell.rowIndex + r, field: column.field, value: parsed.value });
      });
    });
    if (errors.length > 0) {
      return this.say(`Niets geplakt:\n${errors.slice(0, 6).join('\n')}${errors.length > 6 ? `\n… en ${errors.length - 6} meer` : ''}`);
    }
    const displayed = this.api.getDisplayedRowCount();
    const result = this.connection.edit(() => {
      // Rows beyond the last one are added, as in a spreadsheet.
      const ids: string[] = [];
      for (let index = 0; index < Math.max(displayed, cell.rowIndex + block.length); index++) {
        const existing = index < displayed ? this.api!.getDisplayedRowAtIndex(index)?.data?.id : undefined;
        if (existing) ids.push(existing);
        else {
          const inserted = insertRow(this.connection.doc, this.sheet, { ...EMPTY_ROWS[this.sheet] }, this.connection.origin);
          if (!inserted.ok) return inserted.error.map((e) => e.message);
          ids.push(inserted.value);
        }
      }
      for (const edit of edits) {
        const written = setCell(this.connection.doc, this.sheet, ids[edit.rowIndex]!, edit.field, edit.value, this.connection.origin);
        if (!written.ok) return [written.error];
      }
      return [];
    });
    this.say(result.length > 0 ? result.join('\n') : `${edits.length} cellen geplakt.`, result.length > 0 ? 'error' : 'info');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'sheet-grid': SheetGrid;
  }
}
