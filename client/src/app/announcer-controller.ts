// What an element has to tell the person: an error (stays until the next action) or a short notice
// (goes after a while). The element renders both in live regions that are always in the page, so
// screen readers announce each change.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const NOTICE_MS = 6_000;

export class AnnouncerController implements ReactiveController {
  error = '';
  notice = '';
  private timer = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  fail(message: string): void {
    this.error = message;
    this.notice = '';
    this.host.requestUpdate();
  }

  tell(message: string): void {
    this.error = '';
    this.notice = message;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.clear(), NOTICE_MS);
    this.host.requestUpdate();
  }

  clear(): void {
    if (!this.error && !this.notice) return;
    this.error = '';
    this.notice = '';
    this.host.requestUpdate();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    window.clearTimeout(this.timer);
  }
}
