import type { BaseConfig } from '#lib/config';
import { emailRefused, StaffAccount } from '#lib/domain/staff';
import type { ChainHead, TimelineEvent } from '#lib/domain/timeline';
import { agencyIsBelow } from '#lib/use-cases/oversight';
import type { StaffStore } from '#lib/use-cases/staff';
import { DynamoAgencyStore } from './agency-store';
import { createDocumentClient } from './aws-clients';
import { keys } from './keys';
import { caseChange, chainHeadOf, RecordsTable } from './records-table';

export class DynamoStaffStore implements StaffStore {
  constructor(private readonly table: RecordsTable) {}

  async get(staffId: string): Promise<(StaffAccount & { chain: ChainHead }) | undefined> {
    const item = await this.table.get(keys.staff(staffId));
    return item === undefined ? undefined : { ...StaffAccount.parse(item), chain: chainHeadOf(item) };
  }

  /** The account alone, as it stands now: one strongly consistent `GetItem` by key. */
  async account(staffId: string): Promise<StaffAccount | undefined> {
    const item = await this.table.get(keys.staff(staffId));
    return item === undefined ? undefined : StaffAccount.parse(item);
  }

  /** The account that holds an e-mail address, if any (the local cloud signs in by e-mail). */
  async findByEmail(email: string): Promise<StaffAccount | undefined> {
    const claim = await this.table.get(keys.staffEmail(email));
    if (claim === undefined || typeof claim.staffId !== 'string') return undefined;
    return this.get(claim.staffId);
  }

  async emailTaken(email: string): Promise<boolean> {
    return (await this.table.get(keys.staffEmail(email))) !== undefined;
  }

  async create(account: StaffAccount, event: TimelineEvent): Promise<void> {
    await this.table.transact([
      ...caseChange(this.table, { item: this.toItem(account), expectedVersion: 'new', event }),
      {
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: { ...keys.staffEmail(account.email), entity: 'staff_email', staffId: account.staffId },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: emailRefused,
      },
    ]);
  }

  async update(account: StaffAccount, expectedVersion: number, event: TimelineEvent): Promise<void> {
    await this.table.transact(caseChange(this.table, { item: this.toItem(account), expectedVersion, event }));
  }

  async listByAgency(agencyId: string, page: { limit: number; nextToken?: string | undefined }) {
    const result = await this.table.queryIndex('byAgencyState', keys.staffByAgencyPartition(agencyId), page);
    return { items: result.items.map((item) => StaffAccount.parse(item)), nextToken: result.nextToken };
  }

  private toItem(account: StaffAccount) {
    return {
      ...keys.staff(account.staffId),
      ...keys.staffByAgency(account.agencyId, account.staffId),
      entity: 'staff',
      ...account,
    };
  }
}

/**
 * The lookup a function with staff routes runs before every staff request (`httpFunction`'s
 * `staffAccountOf`): built once per cold start, with its own client.
 */
export function staffAccountLookup(config: BaseConfig & { tableName: string }): ((
  staffId: string,
) => Promise<StaffAccount | undefined>) & {
  agencyIsBelow: (agencyId: string, ancestorId: string) => Promise<boolean>;
} {
  const table = new RecordsTable(createDocumentClient(config), config.tableName);
  const store = new DynamoStaffStore(table);
  const agencies = new DynamoAgencyStore(table);
  return Object.assign((staffId: string) => store.account(staffId), {
    agencyIsBelow: (agencyId: string, ancestorId: string) => agencyIsBelow(agencies, agencyId, ancestorId),
  });
}
