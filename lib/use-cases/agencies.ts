import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { PeriodicObligationInput } from '#lib/domain/agency';
import {
  changedProfileFields,
  checkReconsiderationSettings,
  officeContacts,
  DEFAULT_RECONSIDERATION,
  defaultAnnualReportCutoff,
  type Agency,
  type NewAgency,
  type OfficeProfile,
  type PolicyUpdate,
  catalogueOf,
  reviewChainOf,
  type ProfileUpdate,
  type ReconsiderationUpdate,
} from '#lib/domain/agency';
import { reconsiderationBodyOf, type ReconsiderationBody } from '#lib/domain/application/remedies';
import { NotFoundError, RuleViolationError, VersionConflictError } from '#lib/domain/errors';
import type { Principal } from '#lib/domain/staff';
import { chinaDateOf, chinaIsoOf } from '#lib/domain/china-time';
import { policyOn, REGULATION_LIMITS, requireOthersTimeKept } from '#lib/domain/application/policy';
import type { CatalogueUpdate } from '#lib/domain/submission/catalogue';
import { chainIssues, type ReviewChain } from '#lib/domain/submission/review-chain';
import { EMPTY_CHAIN, nextEvent, staffActor, type ChainHead, type TimelineEvent } from '#lib/domain/timeline';

/** Port: where agencies are kept. */
export interface AgencyStore {
  get(agencyId: string): Promise<(Agency & { chain: ChainHead }) | undefined>;
  create(agency: Agency, event: TimelineEvent): Promise<void>;
  /** Writes the new state if the stored version is still `expectedVersion`, else VersionConflictError. */
  update(agency: Agency, expectedVersion: number, event: TimelineEvent): Promise<void>;
  listDirectory(page: {
    limit: number;
    nextToken?: string | undefined;
  }): Promise<{ items: Agency[]; nextToken: string | null }>;
}

const agencyRef = (agencyId: string) => ({ agencyId, kind: 'agency', id: agencyId }) as const;

/** The public directory: every agency with its disclosure office's public details. */
export async function listDirectory(
  store: AgencyStore,
  page: { limit: number; nextToken?: string | undefined },
) {
  const result = await store.listDirectory(page);
  return {
    items: result.items.map((agency) => ({
      agencyId: agency.agencyId,
      name: agency.name,
      level: agency.level,
      parentAgencyId: agency.parentAgencyId,
      office: agency.profile === null ? null : officeContacts(agency.profile),
    })),
    nextToken: result.nextToken,
  };
}

/** A platform administrator creates an agency (tenant). Its parent, if any, must exist. */
export async function createAgency(
  store: AgencyStore,
  principal: Principal,
  input: NewAgency,
  now: Date,
): Promise<Agency> {
  const reconsideration = input.reconsideration ?? DEFAULT_RECONSIDERATION;
  const misfits = checkReconsiderationSettings(input.level, reconsideration, 'body.reconsideration');
  if (misfits.length > 0)
    throw new RuleViolationError(
      'reconsideration-settings',
      'The reconsideration settings do not fit the agency.',
      misfits,
    );
  if (input.parentAgencyId !== null && (await store.get(input.parentAgencyId)) === undefined) {
    throw new RuleViolationError(
      'unknown-parent-agency',
      `There is no agency ${input.parentAgencyId} to be the parent.`,
      [{ path: 'body.parentAgencyId', message: 'is not an existing agency' }],
    );
  }
  const agency: Agency = {
    agencyId: input.agencyId,
    name: input.name,
    level: input.level,
    parentAgencyId: input.parentAgencyId,
    annualReportCutoff: input.annualReportCutoff ?? defaultAnnualReportCutoff(input.level),
    profile: input.profile,
    policies: [],
    catalogue: null,
    reviewChain: null,
    obligations: [],
    reconsideration,
    createdAt: chinaIsoOf(now),
    version: 1,
  };
  const event = nextEvent(agencyRef(agency.agencyId), EMPTY_CHAIN, {
    type: 'agency_created',
    now,
    actor: staffActor(principal),
    data: {
      name: agency.name,
      level: agency.level,
      parentAgencyId: agency.parentAgencyId,
      annualReportCutoff: agency.annualReportCutoff,
      reconsideration: agency.reconsideration,
    },
  });
  await store.create(agency, event);
  return agency;
}

/** The agency as its own staff see it. */
export async function getAgency(store: AgencyStore, agencyId: string): Promise<Agency> {
  const agency = await store.get(agencyId);
  if (agency === undefined) throw new NotFoundError(`There is no agency ${agencyId}.`);
  return withoutChain(agency);
}

/** An agency administrator replaces the office's public details; the change and its author go on the timeline. */
export async function updateProfile(
  store: AgencyStore,
  principal: Principal,
  agencyId: string,
  update: ProfileUpdate,
  now: Date,
): Promise<Agency> {
  const current = await store.get(agencyId);
  if (current === undefined) throw new NotFoundError(`There is no agency ${agencyId}.`);
  if (current.version !== update.version) {
    throw new VersionConflictError(
      `The profile is at version ${current.version}, not ${update.version}; read it again.`,
    );
  }
  const profile: OfficeProfile = update.profile;
  const updated: Agency = { ...withoutChain(current), profile, version: current.version + 1 };
  const event = nextEvent(agencyRef(agencyId), current.chain, {
    type: 'profile_updated',
    now,
    actor: staffActor(principal),
    data: { changedFields: changedProfileFields(current.profile, profile), profile },
  });
  await store.update(updated, current.version, event);
  return updated;
}

function withoutChain(agency: Agency & { chain: ChainHead }): Agency {
  const { chain: _chain, ...rest } = agency;
  return rest;
}

/** The policy in force and those scheduled, for the agency's own staff. */
export async function getPolicies(store: AgencyStore, agencyId: string, today: string) {
  const agency = await getAgency(store, agencyId);
  return {
    inForce: policyOn(agency.policies, today),
    policies: agency.policies,
    version: agency.version,
    regulationLimits: REGULATION_LIMITS,
  };
}

/**
 * An agency administrator sets a time policy from a date on (today or later: the policy in force on an
 * application's date of receipt applies to it for good, so the past is not rewritten).
 */
export async function setPolicy(
  store: AgencyStore,
  principal: Principal,
  agencyId: string,
  update: PolicyUpdate,
  now: Date,
): Promise<Agency> {
  const today = chinaDateOf(now);
  if (update.policy.effectiveFrom < today) {
    throw new RuleViolationError('policy-in-the-past', 'A policy takes effect today or later.', [
      { path: 'body.policy.effectiveFrom', message: `must be ${today} or later` },
    ]);
  }
  requireOthersTimeKept(update.policy);
  const current = await store.get(agencyId);
  if (current === undefined) throw new NotFoundError(`There is no agency ${agencyId}.`);
  if (current.version !== update.version)
    throw new VersionConflictError(
      `The agency is at version ${current.version}, not ${update.version}; read it again.`,
    );
  const policies = [
    ...current.policies.filter((policy) => policy.effectiveFrom !== update.policy.effectiveFrom),
    update.policy,
  ].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const updated: Agency = { ...withoutChain(current), policies, version: current.version + 1 };
  const event = nextEvent(agencyRef(agencyId), current.chain, {
    type: 'policy_set',
    now,
    actor: staffActor(principal),
    data: { policy: update.policy },
  });
  await store.update(updated, current.version, event);
  return updated;
}

/** Replaces a part of the agency's configuration (catalogue, review chain, obligations), version-checked. */
async function configure(
  store: AgencyStore,
  principal: Principal,
  agencyId: string,
  version: number,
  now: Date,
  change: (agency: Agency) => { agency: Agency; type: string; data: Record<string, unknown> },
): Promise<Agency> {
  const current = await store.get(agencyId);
  if (current === undefined) throw new NotFoundError(`There is no agency ${agencyId}.`);
  if (current.version !== version)
    throw new VersionConflictError(
      `The agency is at version ${current.version}, not ${version}; read it again.`,
    );
  const { agency, type, data } = change(withoutChain(current));
  const updated: Agency = { ...agency, version: current.version + 1 };
  await store.update(
    updated,
    current.version,
    nextEvent(agencyRef(agencyId), current.chain, { type, now, actor: staffActor(principal), data }),
  );
  return updated;
}

export const setCatalogue = (
  store: AgencyStore,
  principal: Principal,
  agencyId: string,
  update: CatalogueUpdate,
  now: Date,
) =>
  configure(store, principal, agencyId, update.version, now, (agency) => ({
    agency: { ...agency, catalogue: update.entries },
    type: 'catalogue_set',
    data: { entries: update.entries },
  }));

export const setReviewChain = (
  store: AgencyStore,
  principal: Principal,
  agencyId: string,
  update: { version: number; steps: ReviewChain },
  now: Date,
) =>
  configure(store, principal, agencyId, update.version, now, (agency) => ({
    agency: { ...agency, reviewChain: update.steps },
    type: 'review_chain_set',
    data: { steps: update.steps },
  }));

/**
 * The review chain submissions pass through, whether the agency configured it or runs the default, and
 * what a chain configured before today's rules lacks under them (it keeps working until reconfigured).
 */
export async function getReviewChain(store: AgencyStore, agencyId: string) {
  const agency = await getAgency(store, agencyId);
  const steps = reviewChainOf(agency);
  return {
    steps,
    configured: agency.reviewChain !== null,
    issues: chainIssues(steps),
    version: agency.version,
  };
}

/** The recurring items the agency publishes each period. */
export async function getObligations(store: AgencyStore, agencyId: string) {
  const agency = await getAgency(store, agencyId);
  return { items: agency.obligations, version: agency.version };
}

export function addObligation(
  store: AgencyStore,
  principal: Principal,
  agencyId: string,
  input: z.infer<typeof PeriodicObligationInput> & { version: number },
  now: Date,
) {
  const { version, ...obligation } = input;
  const id = `ob_${randomBytes(4).toString('hex')}`;
  return configure(store, principal, agencyId, version, now, (agency) => {
    if (!catalogueOf(agency).some((entry) => entry.code === obligation.category)) {
      throw new RuleViolationError('unknown-category', 'The category is not in the catalogue.', [
        { path: 'body.category', message: 'is not in this agency’s catalogue' },
      ]);
    }
    const declared = { ...obligation, id, declaredOn: chinaDateOf(now) };
    return {
      agency: { ...agency, obligations: [...agency.obligations, declared] },
      type: 'obligation_declared',
      data: declared,
    };
  });
}

/**
 * The body that reconsiders the agency's decisions, derived from its settings and its parent as Gongkai
 * knows it (行政复议法 Arts. 24–27); letters name it.
 */
export async function reconsiderationBodyFor(
  store: Pick<AgencyStore, 'get'>,
  agency: Pick<Agency, 'name' | 'level' | 'reconsideration' | 'parentAgencyId'>,
): Promise<ReconsiderationBody> {
  const parent = agency.parentAgencyId === null ? undefined : await store.get(agency.parentAgencyId);
  return reconsiderationBodyOf(agency, parent);
}

const reconsiderationView = async (store: AgencyStore, agency: Agency) => ({
  settings: agency.reconsideration,
  body: await reconsiderationBodyFor(store, agency),
  version: agency.version,
});

/** What the agency stated, the body its letters name, and — when it cannot be named — why. */
export async function getReconsideration(store: AgencyStore, agencyId: string) {
  return reconsiderationView(store, await getAgency(store, agencyId));
}

/** An agency administrator states how the agency's decisions are reconsidered (version-checked). */
export async function setReconsideration(
  store: AgencyStore,
  principal: Principal,
  agencyId: string,
  update: ReconsiderationUpdate,
  now: Date,
) {
  const agency = await configure(store, principal, agencyId, update.version, now, (current) => {
    const misfits = checkReconsiderationSettings(
      current.level,
      update.reconsideration,
      'body.reconsideration',
    );
    if (misfits.length > 0)
      throw new RuleViolationError(
        'reconsideration-settings',
        'The reconsideration settings do not fit the agency.',
        misfits,
      );
    return {
      agency: { ...current, reconsideration: update.reconsideration },
      type: 'reconsideration_set',
      data: { reconsideration: update.reconsideration },
    };
  });
  return reconsiderationView(store, agency);
}
