import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  UserNotFoundException,
  UsernameExistsException,
  AliasExistsException,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { emailRefused, type StaffAccount } from '#lib/domain/staff';
import type { StaffDirectory } from '#lib/use-cases/staff';
import { CLAIM } from '#lib/platform/identity-claims';

/**
 * Staff accounts in the Cognito user pool: username = staff id, roles = groups, the agency in the
 * immutable custom attribute `agencyId`. Cognito e-mails the temporary password.
 */
export class CognitoStaffDirectory implements StaffDirectory {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async createAccount(account: StaffAccount): Promise<Record<string, never>> {
    try {
      await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: account.staffId,
          DesiredDeliveryMediums: ['EMAIL'],
          UserAttributes: [
            { Name: CLAIM.email, Value: account.email },
            { Name: 'email_verified', Value: 'true' },
            { Name: CLAIM.name, Value: account.name },
            { Name: CLAIM.agencyId, Value: account.agencyId },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof UsernameExistsException || error instanceof AliasExistsException) {
        // The same answer as an address our own records refuse (see `emailRefused`).
        throw Object.assign(emailRefused(), { cause: error });
      }
      throw error;
    }
    for (const role of account.roles) await this.addToGroup(account.staffId, role);
    return {};
  }

  async deleteAccount(staffId: string): Promise<void> {
    try {
      await this.client.send(new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: staffId }));
    } catch (error) {
      if (!(error instanceof UserNotFoundException)) throw error;
    }
  }

  async setEnabled(staffId: string, enabled: boolean): Promise<void> {
    if (enabled) {
      await this.client.send(new AdminEnableUserCommand({ UserPoolId: this.userPoolId, Username: staffId }));
      return;
    }
    await this.client.send(new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: staffId }));
  }

  /** Revokes the user's refresh tokens, so no new ID token can be minted from an old session. */
  async signOut(staffId: string): Promise<void> {
    await this.client.send(
      new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: staffId }),
    );
  }

  async setRoles(staffId: string, roles: StaffAccount['roles']): Promise<void> {
    const current = await this.client.send(
      new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: staffId, Limit: 60 }),
    );
    const groups = (current.Groups ?? []).flatMap((group) =>
      group.GroupName === undefined ? [] : [group.GroupName],
    );
    for (const role of roles) if (!groups.includes(role)) await this.addToGroup(staffId, role);
    for (const group of groups) {
      if (!(roles as readonly string[]).includes(group)) {
        await this.client.send(
          new AdminRemoveUserFromGroupCommand({
            UserPoolId: this.userPoolId,
            Username: staffId,
            GroupName: group,
          }),
        );
      }
    }
  }

  private async addToGroup(staffId: string, role: string): Promise<void> {
    await this.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: staffId, GroupName: role }),
    );
  }
}
