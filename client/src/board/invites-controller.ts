// The chair's invite links and the board's members, from the server; creating and revoking links.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Role } from '../../../shared/access/roles.ts';
import { api, type InviteView, type MemberView } from '../app/api.ts';

export class InvitesController implements ReactiveController {
  invites: InviteView[] = [];
  members: MemberView[] = [];
  /** The link just made: its token is shown once, so it lives only here. */
  created: { url: string; role: Role } | null = null;
  error = '';
  notice = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly boardId: () => string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  async load(): Promise<void> {
    const [invites, members] = await Promise.all([api.invites(this.boardId()), api.members(this.boardId())]);
    if (invites.ok) this.invites = invites.value;
    if (members.ok) this.members = members.value;
    this.error = invites.ok ? (members.ok ? '' : members.error.message) : invites.error.message;
    this.host.requestUpdate();
  }

  async create(role: Role): Promise<void> {
    const result = await api.createInvite(this.boardId(), role);
    if (!result.ok) {
      this.error = result.error.message;
      this.host.requestUpdate();
      return;
    }
    this.created = { url: result.value.url, role };
    this.notice = '';
    await this.load();
  }

  async revoke(invite: InviteView): Promise<void> {
    const result = await api.revokeInvite(this.boardId(), invite.id);
    if (result.ok) {
      const n = result.value.revokedMembers;
      this.notice = `Link ingetrokken. ${n === 0 ? 'Niemand was via deze link binnen.' : `${n} ${n === 1 ? 'persoon heeft' : 'personen hebben'} geen toegang meer.`}`;
    } else this.error = result.error.message;
    await this.load();
  }

  hostDisconnected(): void {}
}
