import { describe, expect, it } from 'vitest';
import { updateStaff, type StaffDeps, type StaffDirectory } from '#lib/use-cases/staff';
import { aPrincipal, aStaffAccount, anAgency } from '#test/support/factories';
import { givenAgency, givenStaff, inMemoryWorld } from '#test/support/fakes';

/** A directory that records what it was asked, in order. */
class RecordingDirectory implements StaffDirectory {
  readonly calls: string[] = [];
  async createAccount() {
    return {};
  }
  async deleteAccount(staffId: string) {
    this.calls.push(`delete ${staffId}`);
  }
  async setEnabled(staffId: string, enabled: boolean) {
    this.calls.push(`enabled ${staffId} ${String(enabled)}`);
  }
  async setRoles(staffId: string, roles: readonly string[]) {
    this.calls.push(`roles ${staffId} ${roles.join(',')}`);
  }
  async signOut(staffId: string) {
    this.calls.push(`signOut ${staffId}`);
  }
}

describe('taking powers away signs the account out', () => {
  const now = new Date('2026-10-12T02:00:00Z');
  const admin = aPrincipal(['agency_admin']);
  const setUp = async (roles: ('clerk' | 'reviewer')[]) => {
    const world = inMemoryWorld();
    await givenAgency(world, anAgency({ agencyId: 'ag-city' }));
    const clerk = await givenStaff(world, aStaffAccount({ roles }));
    const directory = new RecordingDirectory();
    const deps: StaffDeps = {
      store: world.staff,
      agencies: world.agencies,
      directory,
      newStaffId: () => 'stf_new',
    };
    return { deps, directory, clerk };
  };

  it('disabling an account ends its sessions in the directory', async () => {
    const { deps, directory, clerk } = await setUp(['clerk']);
    await updateStaff(deps, admin, 'ag-city', clerk.staffId, { version: 1, enabled: false }, now);
    expect(directory.calls).toEqual([
      `enabled ${clerk.staffId} false`,
      `roles ${clerk.staffId} clerk`,
      `signOut ${clerk.staffId}`,
    ]);
  });

  it('taking a role away signs out; adding one does not', async () => {
    const { deps, directory, clerk } = await setUp(['clerk', 'reviewer']);
    await updateStaff(deps, admin, 'ag-city', clerk.staffId, { version: 1, roles: ['reviewer'] }, now);
    expect(directory.calls.at(-1)).toBe(`signOut ${clerk.staffId}`);
    directory.calls.length = 0;
    await updateStaff(
      deps,
      admin,
      'ag-city',
      clerk.staffId,
      { version: 2, roles: ['clerk', 'reviewer'] },
      now,
    );
    expect(directory.calls).toEqual([
      `enabled ${clerk.staffId} true`,
      `roles ${clerk.staffId} clerk,reviewer`,
    ]);
  });

  it('sending an unchanged disabled account again signs it out again (the retry of a failed sign-out)', async () => {
    const { deps, directory, clerk } = await setUp(['clerk']);
    await updateStaff(deps, admin, 'ag-city', clerk.staffId, { version: 1, enabled: false }, now);
    directory.calls.length = 0;
    await updateStaff(deps, admin, 'ag-city', clerk.staffId, { version: 2, enabled: false }, now);
    expect(directory.calls.at(-1)).toBe(`signOut ${clerk.staffId}`);
  });
});
