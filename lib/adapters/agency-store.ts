import { Agency } from '#lib/domain/agency';
import { AlreadyExistsError } from '#lib/domain/errors';
import type { ChainHead, TimelineEvent } from '#lib/domain/timeline';
import type { AgencyStore } from '#lib/use-cases/agencies';
import type { AgencyTree } from '#lib/use-cases/oversight';
import { keys } from './keys';
import { caseChange, chainHeadOf, type RecordsTable } from './records-table';

const { shape } = Agency.unwrap();
/** The domain's Agency; agencies created before policies, catalogues, chains and obligations lack them. */
const AgencyItem = Agency.unwrap().extend({
  policies: shape.policies.default([]),
  catalogue: shape.catalogue.default(null),
  reviewChain: shape.reviewChain.default(null),
  obligations: shape.obligations.default([]),
});

export class DynamoAgencyStore implements AgencyStore, AgencyTree {
  constructor(private readonly table: RecordsTable) {}

  async get(agencyId: string): Promise<(Agency & { chain: ChainHead }) | undefined> {
    const item = await this.table.get(keys.agency(agencyId));
    return item === undefined ? undefined : { ...AgencyItem.parse(item), chain: chainHeadOf(item) };
  }

  /** Many agencies by id, 100 to a request; ids with no agency are left out. */
  async getMany(agencyIds: readonly string[]): Promise<Agency[]> {
    const items = await this.table.getMany(agencyIds.map((agencyId) => keys.agency(agencyId)));
    return items.map((item) => AgencyItem.parse(item));
  }

  async create(agency: Agency, event: TimelineEvent): Promise<void> {
    await this.table.transact([
      ...caseChange(this.table, {
        item: this.toItem(agency),
        expectedVersion: 'new',
        event,
        onExists: () => new AlreadyExistsError(`An agency with id ${agency.agencyId} already exists.`),
      }),
      ...(agency.parentAgencyId === null
        ? []
        : [
            {
              item: {
                Put: {
                  TableName: this.table.tableName,
                  Item: {
                    ...keys.agencyChild(agency.parentAgencyId, agency.agencyId),
                    entity: 'agency_child',
                    agencyId: agency.agencyId,
                  },
                },
              },
            },
          ]),
    ]);
  }

  /** The agencies directly under `agencyId`. */
  async children(agencyId: string): Promise<string[]> {
    const found: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.table.queryPartition(keys.agency(agencyId).pk, {
        limit: 100,
        nextToken,
        sortKeyPrefix: keys.agencyChildPrefix,
      });
      found.push(...page.items.flatMap((item) => (typeof item.agencyId === 'string' ? [item.agencyId] : [])));
      nextToken = page.nextToken ?? undefined;
    } while (nextToken !== undefined);
    return found;
  }

  async update(agency: Agency, expectedVersion: number, event: TimelineEvent): Promise<void> {
    await this.table.transact(caseChange(this.table, { item: this.toItem(agency), expectedVersion, event }));
  }

  async listDirectory(page: { limit: number; nextToken?: string | undefined }) {
    const result = await this.table.queryIndex('byAgencyState', keys.agencyDirectoryPartition, page);
    return { items: result.items.map((item) => AgencyItem.parse(item)), nextToken: result.nextToken };
  }

  private toItem(agency: Agency) {
    return {
      ...keys.agency(agency.agencyId),
      ...keys.agencyDirectory(agency.agencyId),
      entity: 'agency',
      ...agency,
    };
  }
}
