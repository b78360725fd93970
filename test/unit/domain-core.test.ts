import { describe, expect, it } from 'vitest';
import { changedProfileFields, MonthDay, NewAgency, OfficeProfile } from '#lib/domain/agency';
import { chinaDateOf, chinaIsoOf } from '#lib/domain/china-time';
import { assertRolesFitAgency, NewStaff } from '#lib/domain/staff';
import { EMPTY_CHAIN, canonicalJson, eventIsIntact, nextEvent, verifyChain } from '#lib/domain/timeline';
import { nextDailyRun } from '#infra/local/scheduler';
import { TokenBucket } from '#infra/local/throttle';

describe('China Standard Time', () => {
  it('a UTC instant late in the evening is the next day in China, whatever the host zone', () => {
    expect(chinaDateOf(new Date('2026-09-27T16:00:00Z'))).toBe('2026-09-28');
    expect(chinaDateOf(new Date('2026-09-27T15:59:59.999Z'))).toBe('2026-09-27');
    expect(chinaIsoOf(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01T00:30:00.000+08:00');
  });
});

describe('the timeline hash chain', () => {
  const ref = { agencyId: 'a1', kind: 'agency', id: 'a1' } as const;
  const actor = { kind: 'system', process: 'test' } as const;
  const first = nextEvent(ref, EMPTY_CHAIN, {
    type: 'created',
    now: new Date('2026-01-05T02:00:00Z'),
    actor,
    data: { b: 1, a: [2, { d: 1, c: 2 }] },
  });
  const second = nextEvent(
    ref,
    { seq: first.seq, hash: first.hash },
    { type: 'changed', now: new Date('2026-01-06T02:00:00Z'), actor },
  );

  it('links each event to the one before and numbers them', () => {
    expect(first).toMatchObject({ seq: 1, prevHash: null, at: '2026-01-05T10:00:00.000+08:00' });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
    expect(verifyChain([first, second])).toEqual({ ok: true });
  });

  it('detects an altered, missing or reordered event', () => {
    expect(eventIsIntact({ ...first, type: 'forged' })).toBe(false);
    expect(verifyChain([second])).toEqual({ ok: false, brokenAt: 1 });
    expect(verifyChain([second, first])).toEqual({ ok: false, brokenAt: 1 });
    expect(verifyChain([first, { ...second, data: { x: 1 } }])).toEqual({ ok: false, brokenAt: 2 });
  });

  it('hashes a canonical form: key order does not matter, undefined members are dropped', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [3, { z: 1, y: 2 }] } })).toBe(
      '{"a":{"c":[3,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('agency rules', () => {
  it('cutoffs must exist every year', () => {
    expect(MonthDay.safeParse('03-31').success).toBe(true);
    expect(MonthDay.safeParse('02-29').success).toBe(false);
    expect(MonthDay.safeParse('04-31').success).toBe(false);
    expect(MonthDay.safeParse('13-01').success).toBe(false);
  });

  it('the id "platform" is reserved', () => {
    expect(NewAgency.safeParse({ agencyId: 'platform', name: 'x', level: 'government' }).success).toBe(false);
  });

  it('a profile change names the fields it changes, including removed ones', () => {
    const before = OfficeProfile.parse({
      officeName: 'o',
      head: 'h',
      address: 'a',
      postcode: '100000',
      openingHours: 'x',
      phone: '010-1234567',
      fax: null,
      email: 'a@b.cn',
      website: null,
    });
    const { postcode: _postcode, ...withoutPostcode } = before;
    expect(changedProfileFields(before, { ...withoutPostcode, head: 'H' })).toEqual(['head', 'postcode']);
    expect(changedProfileFields(null, before)).toHaveLength(9);
  });
});

describe('staff rules', () => {
  it('e-mail addresses are kept in lower case; roles are not repeated', () => {
    expect(NewStaff.parse({ email: 'A@B.CN', name: 'x', roles: ['clerk'] }).email).toBe('a@b.cn');
    expect(NewStaff.safeParse({ email: 'a@b.cn', name: 'x', roles: ['clerk', 'clerk'] }).success).toBe(false);
  });
  it('platform_admin lives on platform accounts only', () => {
    expect(() => assertRolesFitAgency('platform', ['platform_admin'])).not.toThrow();
    expect(() => assertRolesFitAgency('platform', ['clerk'])).toThrow();
    expect(() => assertRolesFitAgency('demo-city', ['clerk', 'platform_admin'])).toThrow();
  });
});

describe('local cloud timing', () => {
  it('the daily sweep fires at the next 00:30 China time', () => {
    expect(nextDailyRun(new Date('2026-11-25T10:00:00Z')).toISOString()).toBe('2026-11-25T16:30:00.000Z');
    expect(nextDailyRun(new Date('2026-11-25T16:30:00Z')).toISOString()).toBe('2026-11-26T16:30:00.000Z');
    expect(nextDailyRun(new Date('2026-11-25T16:29:59Z')).toISOString()).toBe('2026-11-25T16:30:00.000Z');
  });

  it('a token bucket allows its burst, then its rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 100;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 10_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
});
