// The domain a person works on (a programmeringstafel looks at its own domain), remembered per board
// in this browser so it survives a reload.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isDomainOrGeneriek, type DomainOrGeneriek } from '../../../shared/domain.ts';

export type DomainChoice = DomainOrGeneriek | '';

export class DomainChoiceController implements ReactiveController {
  value: DomainChoice = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly storageKey: () => string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const stored = safeStorage()?.getItem(this.storageKey()) ?? '';
    this.value = isDomainOrGeneriek(stored) ? stored : '';
  }

  set(value: string): void {
    this.value = isDomainOrGeneriek(value) ? value : '';
    safeStorage()?.setItem(this.storageKey(), this.value);
    this.host.requestUpdate();
  }
}

// Storage can be switched off (private windows, policies); then the choice lasts for the page only.
function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
