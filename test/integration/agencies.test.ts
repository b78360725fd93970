import { describe, expect, it } from 'vitest';
import { aNewAgency, aStaffMember, anOffice, api, platformToken, uniqueId } from '#test/support/api';

describe('agencies and their disclosure offices', () => {
  it('a platform administrator creates an agency; it appears in the public directory with its office', async () => {
    const agency = await aNewAgency({ level: 'department' });
    expect(agency).toMatchObject({ level: 'department', annualReportCutoff: '01-31', version: 1 });

    let found: unknown;
    let nextToken: string | null = null;
    do {
      const page = await api(
        'GET',
        `/v1/agencies?limit=100${nextToken ? `&nextToken=${encodeURIComponent(nextToken)}` : ''}`,
      );
      expect(page.status).toBe(200);
      found ??= page.json.items.find((item: { agencyId: string }) => item.agencyId === agency.agencyId);
      nextToken = page.json.nextToken;
    } while (nextToken !== null && found === undefined);
    expect(found).toMatchObject({
      agencyId: agency.agencyId,
      office: { head: '李华', phone: '021-87654321', fax: null },
    });
  });

  it('a government agency defaults to the March 31 cutoff; a chosen cutoff is kept', async () => {
    expect(await aNewAgency({ level: 'government' })).toMatchObject({ annualReportCutoff: '03-31' });
    expect(await aNewAgency({ level: 'government', annualReportCutoff: '02-15' })).toMatchObject({
      annualReportCutoff: '02-15',
    });
  });

  it('the directory pages with an opaque token, and refuses a tampered one', async () => {
    await aNewAgency();
    await aNewAgency();
    const first = await api('GET', '/v1/agencies?limit=1');
    expect(first.json.items).toHaveLength(1);
    expect(typeof first.json.nextToken).toBe('string');
    const second = await api(
      'GET',
      `/v1/agencies?limit=1&nextToken=${encodeURIComponent(first.json.nextToken)}`,
    );
    expect(second.json.items[0].agencyId).not.toBe(first.json.items[0].agencyId);

    const forged = Buffer.from(
      JSON.stringify({ pk: 'STAFF#x', sk: 'CASE', gsi1pk: 'AGENCY#x#STAFF', gsi1sk: 'x' }),
    ).toString('base64url');
    const tampered = await api('GET', `/v1/agencies?nextToken=${forged}`);
    expect(tampered.status).toBe(400);
    expect(tampered.json.errors[0].path).toBe('query.nextToken');
  });

  it('creating an agency: duplicate id 409, unknown parent 422, bad fields 400 naming each, non-platform staff 403', async () => {
    const agency = await aNewAgency();
    const duplicate = await api('POST', '/v1/agencies', {
      token: platformToken(),
      body: { agencyId: agency.agencyId, name: 'x', level: 'government' },
    });
    expect(duplicate.status).toBe(409);

    const orphan = await api('POST', '/v1/agencies', {
      token: platformToken(),
      body: {
        agencyId: uniqueId('agency'),
        name: 'x',
        level: 'department',
        parentAgencyId: 'no-such-parent',
      },
    });
    expect(orphan.status).toBe(422);
    expect(orphan.json.errors).toEqual([
      { path: 'body.parentAgencyId', message: 'is not an existing agency' },
    ]);

    const invalid = await api('POST', '/v1/agencies', {
      token: platformToken(),
      body: { agencyId: 'Bad Id!', name: '', level: 'ministry', annualReportCutoff: '02-29', extra: 1 },
    });
    expect(invalid.status).toBe(400);
    const paths = invalid.json.errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.agencyId', 'body.name', 'body.level', 'body.annualReportCutoff']),
    );

    const admin = await aStaffMember(agency.agencyId, ['agency_admin']);
    const notPlatform = await api('POST', '/v1/agencies', {
      token: admin.token,
      body: { agencyId: uniqueId('agency'), name: 'x', level: 'government' },
    });
    expect(notPlatform.status).toBe(403);
  });

  it('a child agency names an existing parent', async () => {
    const parent = await aNewAgency({ level: 'government' });
    const child = await aNewAgency({ parentAgencyId: parent.agencyId });
    expect(child).toMatchObject({ parentAgencyId: parent.agencyId });
  });

  it('staff read their own profile; only an agency admin replaces it; the version guards concurrent edits', async () => {
    const agency = await aNewAgency();
    const clerk = await aStaffMember(agency.agencyId, ['clerk']);
    const admin = await aStaffMember(agency.agencyId, ['agency_admin']);
    const path = `/v1/agencies/${agency.agencyId}/profile`;

    const read = await api('GET', path, { token: clerk.token });
    expect(read.status).toBe(200);
    expect(read.json.version).toBe(1);

    const byClerk = await api('PUT', path, {
      token: clerk.token,
      body: { version: 1, profile: anOffice({ head: '张三' }) },
    });
    expect(byClerk.status).toBe(403);

    const updated = await api('PUT', path, {
      token: admin.token,
      body: { version: 1, profile: anOffice({ head: '张三' }) },
    });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ version: 2, profile: { head: '张三' } });

    const stale = await api('PUT', path, {
      token: admin.token,
      body: { version: 1, profile: anOffice({ head: '赵四' }) },
    });
    expect(stale.status).toBe(409);
    expect(stale.contentType).toBe('application/problem+json');

    const again = await api('GET', path, { token: clerk.token });
    expect(again.json).toMatchObject({ version: 2, profile: { head: '张三' } });
  });

  it('two concurrent edits of the same version: exactly one wins, the other is 409', async () => {
    const agency = await aNewAgency();
    const admin = await aStaffMember(agency.agencyId, ['agency_admin']);
    const path = `/v1/agencies/${agency.agencyId}/profile`;
    const results = await Promise.all(
      ['甲', '乙', '丙'].map((head) =>
        api('PUT', path, { token: admin.token, body: { version: 1, profile: anOffice({ head }) } }),
      ),
    );
    const statuses = results.map((result) => result.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    const final = await api('GET', path, { token: admin.token });
    expect(final.json.version).toBe(2);
  });

  it('an invalid profile is 400 naming the fields; nothing is written', async () => {
    const agency = await aNewAgency();
    const admin = await aStaffMember(agency.agencyId, ['agency_admin']);
    const path = `/v1/agencies/${agency.agencyId}/profile`;
    const response = await api('PUT', path, {
      token: admin.token,
      body: {
        version: 1,
        profile: anOffice({ email: 'not-an-email', phone: 'call us', website: 'ftp://x' }),
      },
    });
    expect(response.status).toBe(400);
    const paths = response.json.errors.map((error: { path: string }) => error.path).sort();
    expect(paths).toEqual(['body.profile.email', 'body.profile.phone', 'body.profile.website']);
    expect((await api('GET', path, { token: admin.token })).json.version).toBe(1);
  });

  it('the business clock of a request is the event time: X-Gongkai-Now stamps the record', async () => {
    const response = await api('POST', '/v1/agencies', {
      token: platformToken(),
      now: '2026-09-28T01:30:00Z',
      body: { agencyId: uniqueId('agency'), name: '时钟测试', level: 'government' },
    });
    expect(response.status).toBe(201);
    expect(response.json.createdAt).toBe('2026-09-28T09:30:00.000+08:00');
  });
});

describe('who reconsiders the agency’s decisions (行政复议法 2023 Arts. 24–27)', () => {
  it('is derived from the parent, stated by the agency’s administrator, and refused when it does not fit', async () => {
    const government = await aNewAgency({ level: 'government', name: '测试市人民政府' });
    const department = await aNewAgency({ level: 'department', parentAgencyId: government.agencyId });
    const admin = await aStaffMember(department.agencyId, ['agency_admin']);
    const path = `/v1/agencies/${department.agencyId}/reconsideration`;
    const read = await api('GET', path, { token: admin.token });
    expect(read.status).toBe(200);
    expect(read.json).toEqual({
      settings: { vertical: false, reconsidersOwnDecisions: false, bodyName: null },
      body: {
        designation: '本级人民政府',
        basis: '《中华人民共和国行政复议法》第二十四条第一款第一项',
        name: '测试市人民政府',
        source: 'parent',
        gap: null,
      },
      version: 1,
    });
    const set = await api('PUT', path, {
      token: admin.token,
      body: { version: 1, reconsideration: { bodyName: '测试市人民政府（市司法局承办）' } },
    });
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({
      settings: {
        vertical: false,
        reconsidersOwnDecisions: false,
        bodyName: '测试市人民政府（市司法局承办）',
      },
      body: { name: '测试市人民政府（市司法局承办）', source: 'setting' },
      version: 2,
    });
    expect(
      (await api('GET', `/v1/agencies/${department.agencyId}/profile`, { token: admin.token })).json,
    ).toMatchObject({
      reconsideration: { bodyName: '测试市人民政府（市司法局承办）' },
      version: 2,
    });
    const stale = await api('PUT', path, { token: admin.token, body: { version: 1, reconsideration: {} } });
    expect(stale.status).toBe(409);
    const both = await api('PUT', path, {
      token: admin.token,
      body: { version: 2, reconsideration: { vertical: true, reconsidersOwnDecisions: true } },
    });
    expect(both.status).toBe(400);
    expect(both.json.errors[0].path).toBe('body.reconsideration.reconsidersOwnDecisions');
    const clerk = await aStaffMember(department.agencyId, ['clerk']);
    expect(
      (await api('PUT', path, { token: clerk.token, body: { version: 2, reconsideration: {} } })).status,
    ).toBe(403);

    const governmentAdmin = await aStaffMember(government.agencyId, ['agency_admin']);
    const unfit = await api('PUT', `/v1/agencies/${government.agencyId}/reconsideration`, {
      token: governmentAdmin.token,
      body: { version: 1, reconsideration: { vertical: true } },
    });
    expect(unfit.status).toBe(422);
    expect(unfit.json).toMatchObject({
      type: 'urn:gongkai:problem:reconsideration-settings',
      errors: [{ path: 'body.reconsideration.vertical' }],
    });
    const orphan = await api('GET', `/v1/agencies/${government.agencyId}/reconsideration`, {
      token: governmentAdmin.token,
    });
    expect(orphan.json.body).toMatchObject({ designation: '上一级人民政府', name: null });
    expect(orphan.json.body.gap).toContain('no parent agency is on record');
  });

  it('an agency is created with its settings; a vertically led government is 422', async () => {
    const customs = await aNewAgency({ level: 'department', reconsideration: { vertical: true } });
    expect(customs).toMatchObject({ reconsideration: { vertical: true, reconsidersOwnDecisions: false } });
    const refused = await api('POST', '/v1/agencies', {
      token: platformToken(),
      body: {
        agencyId: uniqueId('agency'),
        name: '某县人民政府',
        level: 'government',
        reconsideration: { vertical: true },
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.type).toBe('urn:gongkai:problem:reconsideration-settings');
  });
});
