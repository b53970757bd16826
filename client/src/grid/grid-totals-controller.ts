// The totals under a budget grid (per domain and in all) and the cells that break a budget rule,
// from this browser's copy of the board, so they move as anyone types. Updates are drawn once per
// frame, however many edits arrive in it.
import type { GridApi, IRowNode } from 'ag-grid-community';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SheetName } from '../../../shared/board/sheets.ts';
import type { DomainChoice } from '../board/domain-choice-controller.ts';
import type { ConnectionController } from '../board/connection-controller.ts';
import type { CellMarks, GridRow } from './column-defs.ts';
import { pinnedTotals, violationMarks } from './pinned-totals.ts';

export class GridTotalsController implements ReactiveController {
  private api?: GridApi<GridRow>;
  private stop?: () => void;
  private frame = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly connection: ConnectionController,
    private readonly sheet: () => SheetName,
    private readonly domain: () => DomainChoice,
    private readonly marks: CellMarks,
  ) {
    host.addController(this);
  }

  /** The pinned rows to create the grid with. */
  pinnedRows(): GridRow[] {
    return pinnedTotals(this.sheet(), this.connection.connection.totals.totals(), this.domain());
  }

  bind(api: GridApi<GridRow>): void {
    this.unbind();
    this.api = api;
    this.stop = this.connection.connection.totals.onChange(this.schedule);
    this.schedule();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.unbind();
  }

  private unbind(): void {
    this.stop?.();
    this.stop = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.api = undefined;
  }

  readonly schedule = () => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.api) this.draw(this.api);
    });
  };

  private draw(api: GridApi<GridRow>): void {
    const totals = this.connection.connection.totals.totals();
    const rows = pinnedTotals(this.sheet(), totals, this.domain());
    // Same rows as before: update them in place, so an open editor elsewhere in the grid stays open.
    const same = api.getPinnedBottomRowCount() === rows.length && rows.every((row, i) => api.getPinnedBottomRow(i)?.data?.id === row.id);
    if (same) rows.forEach((row, i) => api.getPinnedBottomRow(i)!.updateData(row));
    else api.setGridOption('pinnedBottomRowData', rows);

    const violations = violationMarks(totals);
    const touched = new Set([...violations.keys(), ...this.marks.violations.keys()].filter((key) => violations.get(key) !== this.marks.violations.get(key)));
    this.marks.violations = violations;
    const nodes = [...touched]
      .map((key) => api.getRowNode(key.slice(0, key.indexOf(':'))))
      .filter((node): node is IRowNode<GridRow> => node !== undefined);
    if (nodes.length > 0) api.refreshCells({ rowNodes: nodes, force: true });
  }
}
