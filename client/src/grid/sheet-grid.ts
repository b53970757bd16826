// One sheet of the board as a grid: the same element serves B&E, Vernieuwing and Roadmap from the
// sheet's column definition. Controllers keep it bound to the Y.Doc (rows, totals, other people's
// cursors); this element renders, and turns what a person does into edits (sheet-edits.ts).
import { AG_GRID_LOCALE_NL } from '@ag-grid-community/locale';
import { createGrid, themeQuartz, type CellEditRequestEvent, type CellFocusedEvent, type GridApi } from 'ag-grid-community';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { canEdit } from '../../../shared/access/roles.ts';
import { readMeta } from '../../../shared/board/board-doc.ts';
import { columnsOf, type SheetName } from '../../../shared/board/sheets.ts';
import { AnnouncerController } from '../app/announcer-controller.ts';
import { ConnectionController } from '../board/connection-controller.ts';
import type { DomainChoice } from '../board/domain-choice-controller.ts';
import { formatCell, parseCellInput } from './cell-input.ts';
import { columnDefs, type CellMarks, type GridRow } from './column-defs.ts';
import { GridTotalsController } from './grid-totals-controller.ts';
import { RemoteCursorsController } from './remote-cursors-controller.ts';
import { sheetGridStyles } from './sheet-grid-styles.ts';
import { addRow, pasteBlock, removeRow, shiftRow, writeCell, type SheetTarget } from './sheet-edits.ts';
import { SheetRowsController } from './sheet-rows-controller.ts';
import { parseTsv, toTsv } from './tsv.ts';

const theme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 15,
  headerFontWeight: 700,
  foregroundColor: '#1b1b1b',
  accentColor: '#154273',
  headerBackgroundColor: '#e8eef5',
  headerTextColor: '#154273',
  rowHeight: 36,
  headerHeight: 44,
  selectedRowBackgroundColor: '#dde8f5',
  wrapperBorderRadius: 6,
});

const SHEET_LABEL: Record<SheetName, string> = { beheer: 'Beheer & exploitatie', vernieuwing: 'Vernieuwing', roadmap: 'Roadmap' };

@customElement('sheet-grid')
export class SheetGrid extends LitElement {
  static override styles = sheetGridStyles;

  @property() sheet: SheetName = 'beheer';
  /** Show only this domain ('' for all). */
  @property({ attribute: false }) domain: DomainChoice = '';
  /** Beside the grid on wide screens; on a laptop the grid gets the room until asked. */
  @state() private detailOpen = window.innerWidth >= 1500;
  /** The focused cell, by row id: the grid's own focus is by position, which others' edits shift. */
  @state() private focused: { rowId: string; field: string } | null = null;
  @state() private confirming: { rowId: string; label: string } | null = null;
  /** Where a refused edit's message shows: under the cell being edited (null: top of the grid). */
  @state() private messageAt: { top: number; left: number } | null = null;

  private readonly connection = new ConnectionController(this, ['state']);
  private readonly announcer = new AnnouncerController(this);
  private readonly marks: CellMarks = { violations: new Map(), cursors: new Map() };
  private readonly rows = new SheetRowsController(this, this.connection, () => this.sheet, (ids) => this.rowsChanged(ids));
  private readonly totals = new GridTotalsController(this, this.connection, () => this.sheet, () => this.domain, this.marks);
  private readonly cursors = new RemoteCursorsController(this, this.connection, () => this.sheet, this.marks);
  private api?: GridApi<GridRow>;

  private get editable(): boolean {
    return canEdit(this.connection.connection.role);
  }

  private get target(): SheetTarget {
    const { doc, origin } = this.connection.connection;
    return { doc, sheet: this.sheet, origin };
  }

  private get longColumns() {
    return columnsOf(this.sheet).filter((column) => column.kind.type === 'text' && column.kind.multiline);
  }

  override render() {
    if (!this.connection.available) return nothing;
    const detail = this.longColumns.length > 0 && this.detailOpen;
    return html`
      <div class="toolbar" role="toolbar" aria-label="${SHEET_LABEL[this.sheet]}: bewerken" @keydown=${this.toolbarKeys}>
        ${this.editable
          ? html`
              <button @click=${this.addRow} title="Nieuwe rij onder de gekozen rij">Rij toevoegen</button>
              <button @click=${this.askDelete}>Rij verwijderen…</button>
              <button @click=${() => this.move(-1)} title="Alt+Pijl omhoog">Rij omhoog</button>
              <button @click=${() => this.move(1)} title="Alt+Pijl omlaag">Rij omlaag</button>
              <button @click=${this.undo} title="Ctrl+Z">Ongedaan maken</button>
              <button @click=${this.redo} title="Ctrl+Y of Ctrl+Shift+Z">Opnieuw</button>
            `
          : html`<span class="readonly">Alleen lezen: u kunt dit blad bekijken, niet wijzigen.</span>`}
        ${this.longColumns.length > 0
          ? html`<button class="toggle" aria-pressed=${String(this.detailOpen)} @click=${() => (this.detailOpen = !this.detailOpen)}>Details</button>`
          : nothing}
      </div>
      <div class="body ${detail ? 'with-detail' : ''}">
        <div class="grid" @keydown=${this.gridKeys} @paste=${this.onPaste} @copy=${this.onCopy}></div>
        <!-- Over the grid, not above it: a message must not push the cells away from the pointer. -->
        <div class="messages" style=${this.messageAt ? `top: ${this.messageAt.top}px; left: ${this.messageAt.left}px` : ''}>
          <div role="alert">${this.announcer.error
            ? html`<p class="message error"><span>${this.announcer.error}</span><button class="close" aria-label="Melding sluiten" @click=${() => this.announcer.clear()}>×</button></p>`
            : nothing}</div>
          <div role="status">${this.announcer.notice ? html`<p class="message info">${this.announcer.notice}</p>` : nothing}</div>
        </div>
        ${detail ? this.renderDetail() : nothing}
      </div>
      ${this.renderConfirm()}
    `;
  }

  private renderDetail() {
    const node = this.focused ? this.api?.getRowNode(this.focused.rowId) : undefined;
    const row = node?.data;
    const title = columnsOf(this.sheet)[0]!;
    return html`<aside class="detail" aria-label="Details van de gekozen rij">
      ${row
        ? html`<h2>${String(row[title.field] || '(zonder naam)')}</h2>
            ${this.longColumns.map(
              (column) => html`<section>
                <h3>${column.label}</h3>
                ${row[column.field] ? html`<p>${String(row[column.field])}</p>` : html`<p class="empty">Leeg</p>`}
                ${this.editable ? html`<button class="link" @click=${() => this.editLong(row.id, column.field)}>${column.label} bewerken</button>` : nothing}
              </section>`,
            )}`
        : html`<p class="empty">Kies een rij om de volledige teksten te lezen.</p>`}
    </aside>`;
  }

  private renderConfirm() {
    return html`<dialog id="confirm-delete" aria-labelledby="confirm-title" @close=${() => (this.confirming = null)}>
      <h2 id="confirm-title">Rij verwijderen?</h2>
      <p>${this.confirming ? `"${this.confirming.label}" wordt voor iedereen verwijderd. U kunt dit ongedaan maken met Ctrl+Z.` : ''}</p>
      <div class="actions">
        <button class="danger" @click=${this.confirmDelete}>Verwijderen</button>
        <button class="secondary" autofocus @click=${() => this.dialog?.close()}>Annuleren</button>
      </div>
    </dialog>`;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('#confirm-delete');
  }

  override firstUpdated(): void {
    this.createGrid();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: the grid was destroyed on the way out.
    if (this.hasUpdated && !this.api) void this.updateComplete.then(() => this.createGrid());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.api?.destroy();
    this.api = undefined;
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('domain') && this.api) {
      this.api.onFilterChanged();
      this.totals.schedule();
    }
  }

  private createGrid(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.grid');
    if (!container || !this.connection.available) return;
    const { doc } = this.connection.connection;
    const api = createGrid<GridRow>(container, {
      theme,
      localeText: AG_GRID_LOCALE_NL,
      columnDefs: columnDefs(this.sheet, { editable: this.editable, marks: this.marks, year: () => readMeta(doc).year || null }),
      // The grid must not guess types: "12434,5" typed into an amount would become the number 12434.
      // Every cell's text goes to parseCellInput as typed.
      defaultColDef: { cellDataType: false },
      rowData: this.rows.rowData(),
      pinnedBottomRowData: this.totals.pinnedRows(),
      getRowId: (params) => params.data.id,
      getRowHeight: (params) => (params.node.rowPinned ? 30 : undefined),
      readOnlyEdit: true,
      invalidEditValueMode: 'block',
      onCellEditRequest: (event) => this.onEditRequest(event),
      onCellFocused: (event) => this.onCellFocused(event),
      onCellEditingStarted: (event) => {
        const column = columnsOf(this.sheet).find((c) => c.field === event.colDef.field);
        if (column?.kind.type === 'text' && column.kind.multiline) this.startLongEdit();
      },
      onCellEditingStopped: () => {
        if (this.messageAt) this.clearRefusal();
      },
      onSortChanged: (event) => {
        // Without a sort of its own, the grid keeps the board's order.
        if (event.api.getColumnState().every((column) => !column.sort)) event.api.applyColumnState({ state: [{ colId: 'pos', sort: 'asc' }] });
      },
      isExternalFilterPresent: () => this.domain !== '',
      doesExternalFilterPass: (node) => node.data?.domain === this.domain,
      stopEditingWhenCellsLoseFocus: true,
      enterNavigatesVerticallyAfterEdit: true,
      tooltipShowDelay: 400,
      rowSelection: { mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: true },
    });
    // Capture: the editor handles Enter itself, before it would bubble here.
    container.addEventListener('keydown', this.checkEditor, { capture: true });
    this.api = api;
    this.rows.bind(api);
    this.totals.bind(api);
    this.cursors.bind(api);
  }

  /** A long text opens with the caret at its end: typing must never replace a whole text at once. */
  private startLongEdit(): void {
    this.messageAt = null;
    this.announcer.tell('Lange tekst: Shift+Enter voor een nieuwe regel, Enter om op te slaan, Esc om te annuleren.');
    requestAnimationFrame(() => {
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>('.ag-large-text textarea');
      area?.setSelectionRange(area.value.length, area.value.length);
    });
  }

  /**
   * Enter or Tab on an editor holding something the sheet refuses: the editor stays open (AG Grid's
   * invalidEditValueMode "block") and the reason shows under the cell and is announced.
   */
  private readonly checkEditor = (event: KeyboardEvent) => {
    const api = this.api;
    if (!api || (event.key !== 'Enter' && event.key !== 'Tab') || (event.key === 'Enter' && event.shiftKey)) return;
    const editing = api.getEditingCells()[0];
    const editor = api.getCellEditorInstances()[0];
    const field = editing?.column?.getColId();
    const column = columnsOf(this.sheet).find((c) => c.field === field);
    if (!editing || !editor || !column) return;
    const parsed = parseCellInput(column, editor.getValue());
    if (parsed.ok) return this.clearRefusal();
    const cell = (event.target as HTMLElement).closest('.ag-cell, .ag-popup-editor') ?? (event.target as HTMLElement);
    const box = cell.getBoundingClientRect();
    const body = this.renderRoot.querySelector('.body')!.getBoundingClientRect();
    this.messageAt = { top: box.bottom - body.top + 4, left: Math.max(0, box.left - body.left) };
    this.announcer.fail(`${parsed.error} Verbeter de waarde, of druk op Esc om te annuleren.`);
  };

  private clearRefusal(): void {
    this.messageAt = null;
    this.announcer.clear();
  }

  private rowsChanged(ids: ReadonlySet<string>): void {
    const focused = this.focused;
    if (!focused) return;
    if (ids.has(focused.rowId)) this.requestUpdate();
    this.keepFocus(focused);
  }

  /** Keeps focus on the same row when others' edits add, remove or move rows above it. */
  private keepFocus(want: { rowId: string; field: string }): void {
    const api = this.api;
    if (!api || api.getEditingCells().length > 0) return;
    const index = api.getRowNode(want.rowId)?.rowIndex;
    const cell = api.getFocusedCell();
    if (index === undefined || index === null || !cell || cell.rowPinned) return;
    if (cell.rowIndex === index && cell.column.getColId() === want.field) return;
    api.setFocusedCell(index, want.field);
  }

  private onCellFocused(event: CellFocusedEvent<GridRow>): void {
    const field = typeof event.column === 'object' && event.column ? event.column.getColId() : null;
    const node = event.rowIndex === null || event.rowPinned ? undefined : event.api.getDisplayedRowAtIndex(event.rowIndex);
    this.focused = node?.data && field ? { rowId: node.data.id, field } : null;
    this.cursors.focus(this.focused);
  }

  private onEditRequest(event: CellEditRequestEvent<GridRow>): void {
    const field = event.colDef.field;
    if (!field || !event.data || event.node.rowPinned || !this.editable) return;
    const rowId = event.data.id;
    const written = this.connection.connection.edit(() => writeCell(this.target, rowId, field, event.newValue));
    this.messageAt = null;
    if (written.ok) this.announcer.clear();
    else this.announcer.fail(written.error);
  }

  private readonly addRow = () => {
    const added = this.connection.connection.edit(() => addRow(this.target, this.focused?.rowId, this.domain));
    if (!added.ok) return this.announcer.fail(added.error);
    this.announcer.tell('Rij toegevoegd.');
    this.focusRow(added.value, columnsOf(this.sheet)[0]!.field);
  };

  private readonly askDelete = () => {
    const rowId = this.focused?.rowId;
    const row = rowId ? this.api?.getRowNode(rowId)?.data : undefined;
    if (!rowId || !row) return this.announcer.tell('Kies eerst een rij (klik een cel of ga er met de pijltjes naartoe).');
    this.confirming = { rowId, label: formatCell(columnsOf(this.sheet)[0]!, row[columnsOf(this.sheet)[0]!.field]) || '(zonder naam)' };
    this.dialog?.showModal();
  };

  private readonly confirmDelete = () => {
    const rowId = this.confirming?.rowId;
    this.dialog?.close();
    if (!rowId) return;
    const index = this.rows.shownIds().indexOf(rowId);
    const removed = this.connection.connection.edit(() => removeRow(this.target, rowId));
    if (!removed.ok) return this.announcer.fail(removed.error);
    this.announcer.tell('Rij verwijderd. Ongedaan maken: Ctrl+Z of de knop "Ongedaan maken".');
    const next = this.rows.shownIds()[Math.max(0, Math.min(index, this.rows.shownIds().length - 1))];
    if (next) this.focusRow(next, this.focused?.field ?? columnsOf(this.sheet)[0]!.field);
  };

  private move(direction: -1 | 1): void {
    const focused = this.focused;
    if (!focused) return this.announcer.tell('Kies eerst een rij.');
    if (this.api?.getColumnState().some((column) => column.colId !== 'pos' && column.sort)) {
      return this.announcer.tell('Verplaatsen kan alleen in de volgorde van het bord: zet eerst de sortering op de kolom uit.');
    }
    const moved = this.connection.connection.edit(() => shiftRow(this.target, this.rows.orderIds(), this.rows.shownIds(), focused.rowId, direction));
    if (!moved.ok) return this.announcer.tell(moved.error);
    this.focusRow(focused.rowId, focused.field);
  }

  private focusRow(rowId: string, field: string): void {
    const index = this.api?.getRowNode(rowId)?.rowIndex;
    if (index === undefined || index === null) return;
    this.api?.ensureIndexVisible(index);
    this.api?.setFocusedCell(index, field);
  }

  private editLong(rowId: string, field: string): void {
    const index = this.api?.getRowNode(rowId)?.rowIndex;
    if (index === undefined || index === null) return;
    this.api?.ensureIndexVisible(index);
    this.api?.setFocusedCell(index, field);
    this.api?.startEditingCell({ rowIndex: index, colKey: field });
  }

  private readonly undo = () => {
    if (!this.connection.connection.undo.undo()) this.announcer.tell('Er is niets van u om ongedaan te maken.');
  };

  private readonly redo = () => {
    if (!this.connection.connection.undo.redo()) this.announcer.tell('Er is niets om opnieuw te doen.');
  };

  private readonly toolbarKeys = (event: KeyboardEvent) => this.shortcut(event);

  private readonly gridKeys = (event: KeyboardEvent) => {
    if ((this.api?.getEditingCells().length ?? 0) > 0) return;
    this.shortcut(event);
  };

  /** Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y and Alt+arrows, while no cell editor is open. */
  private shortcut(event: KeyboardEvent): void {
    if (!this.editable) return;
    const key = event.key.toLowerCase();
    if ((event.ctrlKey || event.metaKey) && !event.altKey) {
      if (key === 'z' && !event.shiftKey) this.undo();
      else if (key === 'y' || (key === 'z' && event.shiftKey)) this.redo();
      else return;
    } else if (event.altKey && !event.ctrlKey && (key === 'arrowup' || key === 'arrowdown')) {
      this.move(key === 'arrowup' ? -1 : 1);
    } else return;
    event.preventDefault();
    event.stopPropagation();
  }

  /** Copies the selected rows, or else the focused cell, as Excel reads them (tab-separated). */
  private readonly onCopy = (event: ClipboardEvent) => {
    const api = this.api;
    if (!api || api.getEditingCells().length > 0 || !event.clipboardData) return;
    const columns = columnsOf(this.sheet);
    const selected = api.getSelectedNodes().filter((node) => node.data);
    let rows: string[][];
    if (selected.length > 1) {
      const shown = api.getAllDisplayedColumns().map((c) => c.getColId());
      const fields = columns.filter((c) => shown.includes(c.field));
      rows = selected.map((node) => fields.map((column) => formatCell(column, node.data![column.field])));
    } else {
      const row = this.focused ? api.getRowNode(this.focused.rowId)?.data : undefined;
      const column = columns.find((c) => c.field === this.focused?.field);
      if (!row || !column) return;
      rows = [[formatCell(column, row[column.field])]];
    }
    event.clipboardData.setData('text/plain', toTsv(rows));
    event.preventDefault();
  };

  /** A block pasted from Excel lands whole, from the focused cell on, in one transaction, or not at all. */
  private readonly onPaste = (event: ClipboardEvent) => {
    const api = this.api;
    if (!api || api.getEditingCells().length > 0) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const focused = this.focused;
    if (!text || !focused) return;
    event.preventDefault();
    if (!this.editable) return this.announcer.fail('Alleen lezen: plakken kan niet.');
    const rowIds = this.rows.shownIds();
    const area = { rowIds, fields: api.getAllDisplayedColumns().map((c) => c.getColId()), startRow: rowIds.indexOf(focused.rowId), startField: focused.field };
    this.messageAt = null;
    const pasted = this.connection.connection.edit(() => pasteBlock(this.target, parseTsv(text), area, this.domain));
    if (!pasted.ok) {
      const shown = pasted.error.slice(0, 8);
      const more = pasted.error.length - shown.length;
      return this.announcer.fail(`Niets geplakt, want:\n${shown.join('\n')}${more > 0 ? `\n… en nog ${more}` : ''}`);
    }
    const { cells, newRows } = pasted.value;
    this.announcer.tell(`${cells} ${cells === 1 ? 'cel' : 'cellen'} geplakt${newRows ? `, ${newRows} ${newRows === 1 ? 'rij' : 'rijen'} toegevoegd` : ''}. Ongedaan maken: Ctrl+Z.`);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'sheet-grid': SheetGrid;
  }
}
