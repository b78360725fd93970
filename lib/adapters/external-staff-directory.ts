import type { StaffDirectory } from '#lib/use-cases/staff';

/**
 * Staff accounts kept by an external OpenID Connect provider (the china profile: a province's unified
 * identity platform or a self-hosted IdP, where there is no Cognito). Sign-in accounts are created,
 * disabled and signed out there, by that provider's administrators; Gongkai keeps the staff record, and
 * the record is what grants: every request reads it, so roles are the record's, and a disabled record
 * stops its holder at the next request, whatever tokens the provider still honours. The provider's ID
 * tokens must carry the staff id and agency id the record was created with (claims named by
 * `STAFF_CLAIM_STAFF_ID` and `STAFF_CLAIM_AGENCY`).
 */
export class ExternalStaffDirectory implements StaffDirectory {
  /** Nothing to create here: the provider's administrators create the sign-in account. */
  async createAccount(): Promise<{ token?: string }> {
    return {};
  }

  /** The record is gone: the provider's account can no longer reach anything. */
  async deleteAccount(): Promise<void> {}

  /** The record's `enabled` flag is the gate, read at every request. */
  async setEnabled(): Promise<void> {}

  /** Roles are the record's (read at every request), never the token's. */
  async setRoles(): Promise<void> {}

  /** The provider's sessions are its own; a disabled record refuses them all from the next request. */
  async signOut(): Promise<void> {}
}
