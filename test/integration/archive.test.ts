import { describe, expect, it } from 'vitest';
import { verifyChain, type TimelineEvent } from '#lib/domain/timeline';
import { aNewAgency, aStaffMember, anOffice, api, archivedObjects, drainStream } from '#test/support/api';

describe('the archive', () => {
  it('every change of a case is archived by the stream, hash-chained, with its author', async () => {
    const agency = await aNewAgency();
    const admin = await aStaffMember(agency.agencyId, ['agency_admin']);
    const path = `/v1/agencies/${agency.agencyId}/profile`;
    await api('PUT', path, { token: admin.token, body: { version: 1, profile: anOffice({ head: '张三' }) } });
    await api('PUT', path, {
      token: admin.token,
      body: { version: 2, profile: anOffice({ head: '张三', phone: '021-11112222' }) },
    });
    await drainStream();

    const objects = await archivedObjects(`agency=${agency.agencyId}/year=`);
    const agencyEvents = objects.filter((object) =>
      object.key.includes(`/agency/${agency.agencyId}/events/`),
    );
    expect(agencyEvents.map((object) => object.key.split('/').pop())).toEqual([
      '00000001.json',
      '00000002.json',
      '00000003.json',
    ]);
    const events = agencyEvents.map((object) => JSON.parse(object.body) as TimelineEvent);
    expect(verifyChain(events)).toEqual({ ok: true });
    expect(events.map((event) => event.type)).toEqual([
      'agency_created',
      'profile_updated',
      'profile_updated',
    ]);
    expect(events[2]?.actor).toMatchObject({
      kind: 'staff',
      staffId: admin.staffId,
      roles: ['agency_admin'],
    });
    expect(events[2]?.data.changedFields).toEqual(['phone']);
    expect(agencyEvents[2]?.metadata).toEqual({ sha256: events[2]?.hash, 'prev-sha256': events[1]?.hash });

    // The staff account's own timeline is archived too, under the agency.
    expect(
      objects.some((object) => object.key.includes(`/staff/${admin.staffId}/events/00000001.json`)),
    ).toBe(true);
  });

  it('an altered archived record breaks the chain', async () => {
    const agency = await aNewAgency();
    const admin = await aStaffMember(agency.agencyId, ['agency_admin']);
    await api('PUT', `/v1/agencies/${agency.agencyId}/profile`, {
      token: admin.token,
      body: { version: 1, profile: anOffice({ head: '王五' }) },
    });
    await drainStream();
    const objects = await archivedObjects(`agency=${agency.agencyId}/year=`);
    const events = objects
      .filter((o) => o.key.includes('/agency/'))
      .map((o) => JSON.parse(o.body) as TimelineEvent);
    const first = events[0];
    if (first === undefined) throw new Error('no events archived');
    const tampered = [{ ...first, data: { ...first.data, name: '篡改' } }, ...events.slice(1)];
    expect(verifyChain(tampered)).toEqual({ ok: false, brokenAt: 1 });
    expect(verifyChain(events.slice(1))).toEqual({ ok: false, brokenAt: 1 });
  });
});
