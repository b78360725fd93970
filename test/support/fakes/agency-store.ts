import type { Agency } from '#lib/domain/agency';
import { AlreadyExistsError, VersionConflictError } from '#lib/domain/errors';
import type { ChainHead, TimelineEvent } from '#lib/domain/timeline';
import type { AgencyStore } from '#lib/use-cases/agencies';
import { pageOf } from './paging';
import { copy, headAfter, type InMemoryRecords } from './records';

export const agencyCase = (agencyId: string): string => `AGENCY#${agencyId}`;

/**
 * Agencies in memory, with the contract of `DynamoAgencyStore`: creating an existing id is
 * `AlreadyExistsError`; an update at another version than the one read is `VersionConflictError`; the
 * directory lists every agency by id.
 */
export class InMemoryAgencyStore implements AgencyStore {
  private readonly agencies = new Map<string, { agency: Agency; chain: ChainHead }>();

  constructor(private readonly records: InMemoryRecords) {}

  async get(agencyId: string): Promise<(Agency & { chain: ChainHead }) | undefined> {
    const kept = this.agencies.get(agencyId);
    return kept === undefined ? undefined : { ...copy(kept.agency), chain: kept.chain };
  }

  /** The agencies directly under `agencyId`, by id (as the table's `CHILD#` items sort). */
  async children(agencyId: string): Promise<string[]> {
    return [...this.agencies.values()]
      .filter((kept) => kept.agency.parentAgencyId === agencyId)
      .map((kept) => kept.agency.agencyId)
      .sort();
  }

  async getMany(agencyIds: readonly string[]): Promise<Agency[]> {
    return agencyIds.flatMap((agencyId) => {
      const kept = this.agencies.get(agencyId);
      return kept === undefined ? [] : [copy(kept.agency)];
    });
  }

  async create(agency: Agency, event: TimelineEvent): Promise<void> {
    if (this.agencies.has(agency.agencyId))
      throw new AlreadyExistsError(`An agency with id ${agency.agencyId} already exists.`);
    this.records.checkEventFree(agencyCase(agency.agencyId), event);
    this.agencies.set(agency.agencyId, { agency: copy({ ...agency, version: 1 }), chain: headAfter(event) });
    this.records.appendEvent(agencyCase(agency.agencyId), event);
  }

  async update(agency: Agency, expectedVersion: number, event: TimelineEvent): Promise<void> {
    if (this.agencies.get(agency.agencyId)?.agency.version !== expectedVersion)
      throw new VersionConflictError('The record changed since you read it; read it again and retry.');
    this.records.checkEventFree(agencyCase(agency.agencyId), event);
    this.agencies.set(agency.agencyId, {
      agency: copy({ ...agency, version: expectedVersion + 1 }),
      chain: headAfter(event),
    });
    this.records.appendEvent(agencyCase(agency.agencyId), event);
  }

  async listDirectory(page: { limit: number; nextToken?: string | undefined }) {
    const entries = [...this.agencies.values()].map(({ agency }) => ({
      sortKey: `AGENCY#${agency.agencyId}`,
      item: copy(agency),
    }));
    return pageOf('directory', entries, page);
  }
}
