// The rows of one sheet, read again after every change, for views that show a whole sheet at once
// (the roadmap timeline). Grids use SheetRowsController instead, which changes only what changed.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import { readSheet, sheetMap, type RowEntry } from '../../../shared/board/board-doc.ts';
import type { SheetName } from '../../../shared/board/sheets.ts';
import type { ConnectionController } from './connection-controller.ts';

export class SheetEntriesController<S extends SheetName> implements ReactiveController {
  entries: RowEntry<S>[] = [];
  private observed?: Y.Map<Y.Map<unknown>>;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly connection: ConnectionController,
    private readonly sheet: S,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.connection.available) return;
    this.observed = sheetMap(this.connection.connection.doc, this.sheet);
    this.observed.observeDeep(this.schedule);
    this.read();
  }

  hostDisconnected(): void {
    this.observed?.unobserveDeep(this.schedule);
    this.observed = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  // Reading a whole sheet per keystroke of twenty typists is wasteful: once per frame is enough.
  private readonly schedule = () => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.read();
    });
  };

  private read(): void {
    if (!this.connection.available) return;
    this.entries = readSheet(this.connection.connection.doc, this.sheet);
    this.host.requestUpdate();
  }
}
