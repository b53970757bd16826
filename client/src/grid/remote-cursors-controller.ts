// Where everyone is: this person's focused cell goes out in awareness; each other person's focused
// cell on this sheet is outlined in their colour.
import type { GridApi, IRowNode } from 'ag-grid-community';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SheetName } from '../../../shared/board/sheets.ts';
import type { ConnectionController } from '../board/connection-controller.ts';
import { markKey, type CellMarks, type GridRow } from './column-defs.ts';

export class RemoteCursorsController implements ReactiveController {
  private api?: GridApi<GridRow>;
  private listening?: EventTarget;

  constructor(
    host: ReactiveControllerHost,
    private readonly connection: ConnectionController,
    private readonly sheet: () => SheetName,
    private readonly marks: CellMarks,
  ) {
    host.addController(this);
  }

  bind(api: GridApi<GridRow>): void {
    this.unbind();
    this.api = api;
    this.listening = this.connection.connection;
    this.listening.addEventListener('presence', this.update);
    this.update();
  }

  /** Tells the others which cell this person is on (null: none on this sheet). */
  focus(cell: { rowId: string; field: string } | null): void {
    this.connection.connection.setCursor(cell ? { sheet: this.sheet(), ...cell } : null);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.unbind();
  }

  private unbind(): void {
    this.listening?.removeEventListener('presence', this.update);
    this.listening = undefined;
    this.api = undefined;
  }

  private readonly update = () => {
    const api = this.api;
    if (!api) return;
    const cursors = new Map<string, { color: string; name: string }>();
    for (const person of this.connection.connection.presence()) {
      if (person.self || person.cursor?.sheet !== this.sheet()) continue;
      cursors.set(markKey(person.cursor.rowId, person.cursor.field), { color: person.color, name: person.name });
    }
    const before = this.marks.cursors;
    const touched = [...new Set([...before.keys(), ...cursors.keys()])].filter((key) => before.get(key)?.color !== cursors.get(key)?.color);
    this.marks.cursors = cursors;
    const nodes = touched
      .map((key) => api.getRowNode(key.slice(0, key.indexOf(':'))))
      .filter((node): node is IRowNode<GridRow> => node !== undefined);
    if (nodes.length > 0) api.refreshCells({ rowNodes: nodes, force: true });
  };
}
