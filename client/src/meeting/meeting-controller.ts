// The meeting state of a board, from the server: the open session with its attendance and change
// log, cells in conflict, and the snapshots. Polled every two seconds while shown.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { call } from '../app/api.ts';

export interface LoggedChange {
  at: string;
  author: string;
  kind: string;
  sheet: string;
  rowId: string;
  field: string;
  before: unknown;
  after: unknown;
}

export interface OpenSession {
  id: string;
  title: string;
  attendees: { name: string; role: string }[];
  changes: LoggedChange[];
}

export interface Conflict {
  id: string;
  sheet: string;
  rowId: string;
  field: string;
  values: { value: unknown; author: string; at: string; kept: boolean }[];
}

export interface SnapshotSummary {
  id: string;
  name: string;
  agreed: boolean;
  createdBy: string | null;
  createdAt: string;
}

export interface Comparison {
  sheets: Record<string, { added: { id: string; label: string }[]; removed: { id: string; label: string }[]; changed: { rowId: string; label: string; field: string; before: unknown; after: unknown }[] }>;
  totals: { path: string; before: number; after: number; difference: number }[];
}

const POLL_MS = 2_000;

export class MeetingController implements ReactiveController {
  session: OpenSession | null = null;
  conflicts: Conflict[] = [];
  snapshots: SnapshotSummary[] = [];
  comparison: { snapshot: SnapshotSummary; result: Comparison } | null = null;
  message = '';
  private timer = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly boardId: () => string,
  ) {
    host.addController(this);
  }

  private get base(): string {
    return `/api/boards/${encodeURIComponent(this.boardId())}`;
  }

  hostConnected(): void {
    void this.refresh();
    this.timer = window.setInterval(() => void this.refresh(), POLL_MS);
  }

  hostDisconnected(): void {
    window.clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    const [session, conflicts, snapshots] = await Promise.all([
      call<OpenSession>('GET', `${this.base}/sessions/current`),
      call<Conflict[]>('GET', `${this.base}/conflicts`),
      call<SnapshotSummary[]>('GET', `${this.base}/snapshots`),
    ]);
    this.session = session.ok ? session.value : null;
    this.conflicts = conflicts.ok ? conflicts.value : [];
    this.snapshots = snapshots.ok ? snapshots.value : [];
    this.host.requestUpdate();
  }

  private async act(method: string, path: string, body: unknown, done: string): Promise<boolean> {
    const result = await call<unknown>(method, `${this.base}${path}`, body);
    this.message = result.ok ? done : result.error.message;
    await this.refresh();
    return result.ok;
  }

  openSession = (title: string) => this.act('POST', '/sessions', { title }, `Sessie "${title}" geopend.`);
  saveSnapshot = (name: string, agreed: boolean) =>
    this.act('POST', '/snapshots', { name, agreed }, agreed ? `"${name}" is vastgesteld; de sessie is gesloten.` : `Momentopname "${name}" opgeslagen.`);
  settle = (id: string, value: unknown) => this.act('POST', '/conflicts/settle', { id, value }, 'Conflict beslecht.');
  restore = (snapshot: SnapshotSummary) =>
    this.act('POST', `/snapshots/${snapshot.id}/restore`, {}, `"${snapshot.name}" is hersteld. De stand daarvoor is bewaard als momentopname.`);

  exportUrl(snapshot: SnapshotSummary, query: string): string {
    return `${this.base}/snapshots/${snapshot.id}/export?${query}`;
  }

  async compare(snapshot: SnapshotSummary): Promise<void> {
    const result = await call<Comparison>('GET', `${this.base}/compare?from=${snapshot.id}&to=live`);
    this.comparison = result.ok ? { snapshot, result: result.value } : null;
    this.message = result.ok ? '' : result.error.message;
    this.host.requestUpdate();
  }
}
