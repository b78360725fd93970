import { AlreadyExistsError, VersionConflictError } from '#lib/domain/errors';
import { emailRefused, type StaffAccount } from '#lib/domain/staff';
import type { ChainHead, TimelineEvent } from '#lib/domain/timeline';
import type { StaffStore } from '#lib/use-cases/staff';
import { pageOf } from './paging';
import { copy, headAfter, type InMemoryRecords } from './records';

export const staffCase = (staffId: string): string => `STAFF#${staffId}`;

/**
 * Staff accounts in memory, with the contract of `DynamoStaffStore`: an e-mail address is claimed once,
 * platform-wide (`email-refused`, the one answer for any refused address); an update at another version is `VersionConflictError`.
 */
export class InMemoryStaffStore implements StaffStore {
  private readonly accounts = new Map<string, { account: StaffAccount; chain: ChainHead }>();
  private readonly emails = new Map<string, string>();

  constructor(private readonly records: InMemoryRecords) {}

  async get(staffId: string): Promise<(StaffAccount & { chain: ChainHead }) | undefined> {
    const kept = this.accounts.get(staffId);
    return kept === undefined ? undefined : { ...copy(kept.account), chain: kept.chain };
  }

  async emailTaken(email: string): Promise<boolean> {
    return this.emails.has(email);
  }

  async create(account: StaffAccount, event: TimelineEvent): Promise<void> {
    if (this.accounts.has(account.staffId)) throw new AlreadyExistsError('The record already exists.');
    if (this.emails.has(account.email)) throw emailRefused();
    this.records.checkEventFree(staffCase(account.staffId), event);
    this.accounts.set(account.staffId, {
      account: copy({ ...account, version: 1 }),
      chain: headAfter(event),
    });
    this.emails.set(account.email, account.staffId);
    this.records.appendEvent(staffCase(account.staffId), event);
  }

  async update(account: StaffAccount, expectedVersion: number, event: TimelineEvent): Promise<void> {
    if (this.accounts.get(account.staffId)?.account.version !== expectedVersion)
      throw new VersionConflictError('The record changed since you read it; read it again and retry.');
    this.records.checkEventFree(staffCase(account.staffId), event);
    this.accounts.set(account.staffId, {
      account: copy({ ...account, version: expectedVersion + 1 }),
      chain: headAfter(event),
    });
    this.records.appendEvent(staffCase(account.staffId), event);
  }

  async listByAgency(agencyId: string, page: { limit: number; nextToken?: string | undefined }) {
    const entries = [...this.accounts.values()]
      .filter(({ account }) => account.agencyId === agencyId)
      .map(({ account }) => ({ sortKey: `STAFF#${account.staffId}`, item: copy(account) }));
    return pageOf(`staff#${agencyId}`, entries, page);
  }
}
