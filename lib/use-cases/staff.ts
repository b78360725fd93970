import { DependencyUnavailableError, NotFoundError, VersionConflictError } from '#lib/domain/errors';
import { chinaIsoOf } from '#lib/domain/china-time';
import {
  assertRolesFitAgency,
  emailRefused,
  PLATFORM_AGENCY_ID,
  type NewStaff,
  type Principal,
  type StaffAccount,
  type StaffUpdate,
} from '#lib/domain/staff';
import { EMPTY_CHAIN, nextEvent, staffActor, type ChainHead, type TimelineEvent } from '#lib/domain/timeline';
import type { AgencyStore } from './agencies';

/** Port: our record of staff accounts (the audit trail, listings, e-mail uniqueness). */
export interface StaffStore {
  get(staffId: string): Promise<(StaffAccount & { chain: ChainHead }) | undefined>;
  emailTaken(email: string): Promise<boolean>;
  create(account: StaffAccount, event: TimelineEvent): Promise<void>;
  update(account: StaffAccount, expectedVersion: number, event: TimelineEvent): Promise<void>;
  listByAgency(
    agencyId: string,
    page: { limit: number; nextToken?: string | undefined },
  ): Promise<{ items: StaffAccount[]; nextToken: string | null }>;
}

/**
 * Port: the identity provider that signs staff in (Cognito in AWS; the local issuer in the local cloud).
 * Every method is idempotent, so a retried request converges.
 */
export interface StaffDirectory {
  /** Creates the sign-in account; the local directory also returns a token for it. */
  createAccount(account: StaffAccount): Promise<{ token?: string }>;
  deleteAccount(staffId: string): Promise<void>;
  setEnabled(staffId: string, enabled: boolean): Promise<void>;
  /** Makes the account's roles exactly `roles`. */
  setRoles(staffId: string, roles: StaffAccount['roles']): Promise<void>;
  /** Ends every session of the account: no new token can be drawn from an old sign-in. */
  signOut(staffId: string): Promise<void>;
}

export type StaffDeps = {
  store: StaffStore;
  agencies: AgencyStore;
  directory: StaffDirectory;
  newStaffId: () => string;
};

const staffRef = (account: Pick<StaffAccount, 'agencyId' | 'staffId'>) =>
  ({ agencyId: account.agencyId, kind: 'staff', id: account.staffId }) as const;

export async function createStaff(
  deps: StaffDeps,
  principal: Principal,
  agencyId: string,
  input: NewStaff,
  now: Date,
): Promise<StaffAccount & { token?: string }> {
  assertRolesFitAgency(agencyId, input.roles);
  if (agencyId !== PLATFORM_AGENCY_ID && (await deps.agencies.get(agencyId)) === undefined) {
    throw new NotFoundError(`There is no agency ${agencyId}.`);
  }
  if (await deps.store.emailTaken(input.email)) {
    throw emailRefused();
  }
  const account: StaffAccount = {
    staffId: deps.newStaffId(),
    agencyId,
    email: input.email,
    name: input.name,
    roles: [...input.roles].sort(),
    enabled: true,
    createdAt: chinaIsoOf(now),
    version: 1,
  };
  const event = nextEvent(staffRef(account), EMPTY_CHAIN, {
    type: 'staff_created',
    now,
    actor: staffActor(principal),
    data: { email: account.email, name: account.name, roles: account.roles },
  });
  // The sign-in account first: if any step fails (a group, or recording it after a concurrent claim of
  // the same e-mail), the account is removed again, so no one can sign in without a record of who
  // created them. The original error is the one reported.
  let token: string | undefined;
  try {
    ({ token } = await deps.directory.createAccount(account));
    await deps.store.create(account, event);
  } catch (error) {
    await deps.directory.deleteAccount(account.staffId).catch(() => undefined);
    throw error;
  }
  return token === undefined ? account : { ...account, token };
}

/**
 * Makes the identity provider match the record; every call is idempotent. `signOut`: the account lost
 * powers (disabled, or a role taken away), so its sessions end too. Requests already stop at once (every
 * staff request reads the record); signing out keeps old sessions from drawing new tokens.
 */
async function syncDirectory(
  directory: StaffDirectory,
  account: StaffAccount,
  signOut: boolean,
): Promise<void> {
  await directory.setEnabled(account.staffId, account.enabled);
  await directory.setRoles(account.staffId, account.roles);
  if (signOut) await directory.signOut(account.staffId);
}

export async function listStaff(
  deps: Pick<StaffDeps, 'store'>,
  agencyId: string,
  page: { limit: number; nextToken?: string | undefined },
) {
  return deps.store.listByAgency(agencyId, page);
}

/** One account of the agency; another agency's is reported exactly like one that does not exist. */
export async function getStaffAccount(
  deps: Pick<StaffDeps, 'store'>,
  agencyId: string,
  staffId: string,
): Promise<StaffAccount> {
  const found = await deps.store.get(staffId);
  if (found?.agencyId !== agencyId)
    throw new NotFoundError(`There is no staff account ${staffId} in this agency.`);
  const { chain: _chain, ...account } = found;
  return account;
}

export async function updateStaff(
  deps: StaffDeps,
  principal: Principal,
  agencyId: string,
  staffId: string,
  update: StaffUpdate,
  now: Date,
): Promise<StaffAccount> {
  if (update.roles) assertRolesFitAgency(agencyId, update.roles);
  const current = await deps.store.get(staffId);
  if (current?.agencyId !== agencyId)
    throw new NotFoundError(`There is no staff account ${staffId} in this agency.`);
  if (current.version !== update.version) {
    throw new VersionConflictError(
      `The account is at version ${current.version}, not ${update.version}; read it again.`,
    );
  }
  const roles = update.roles ? [...update.roles].sort() : current.roles;
  const enabled = update.enabled ?? current.enabled;
  const { chain, ...previous } = current;
  const unchanged = enabled === current.enabled && roles.join() === current.roles.join();
  if (unchanged) {
    // Nothing to record: bring the identity provider in line with the record (this is how a change whose
    // sign-in side failed earlier is applied again).
    await syncDirectory(deps.directory, previous, !previous.enabled);
    return previous;
  }
  const updated: StaffAccount = { ...previous, roles, enabled, version: current.version + 1 };
  const event = nextEvent(staffRef(current), chain, {
    type: 'staff_updated',
    now,
    actor: staffActor(principal),
    data: {
      ...(enabled !== current.enabled ? { enabled } : {}),
      ...(update.roles ? { roles, previousRoles: current.roles } : {}),
    },
  });
  // The record first (version-checked, with its timeline event), then the identity provider: a change
  // that loses a race is never applied to sign-in.
  await deps.store.update(updated, current.version, event);
  const lostPowers = !enabled || current.roles.some((role) => !roles.includes(role));
  try {
    await syncDirectory(deps.directory, updated, lostPowers);
  } catch (error) {
    throw new DependencyUnavailableError(
      `The change is recorded (version ${updated.version}) but sign-in does not reflect it yet. Send the same change with version ${updated.version} to apply it again.`,
      { cause: error },
    );
  }
  return updated;
}
