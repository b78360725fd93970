import { describe, expect, it } from 'vitest';
import { changedProfileFields, OfficeProfile, ProfileUpdate } from '#lib/domain/agency';
import { GoneError, NotFoundError, ValidationError } from '#lib/domain/errors';
import { PublicationVersion } from '#lib/domain/submission/publication';
import { checkContent } from '#lib/domain/submission/submission';
import { DEFAULT_CATALOGUE } from '#lib/domain/submission/catalogue';
import { listDirectory, updateProfile } from '#lib/use-cases/agencies';
import { draftReport, editNarrative, listPublishedReports, publish } from '#lib/use-cases/annual-reports';
import { readPublication, withdraw } from '#lib/use-cases/proactive';
import {
  publicAgency,
  publicationFileUrl,
  publicPublication,
  readingRoomPage,
  SEARCH_READS_PER_PAGE,
} from '#lib/use-cases/reading-room';
import { aPrincipal, aSubmission, anAgency, anUploadKey, cst } from '#test/support/factories';
import { givenAgency, inMemoryWorld, type InMemoryWorld } from '#test/support/fakes';
import { aPublication } from '#test/support/publishing';

/**
 * The reading room as the public reads it (the portal): an agency's public facts and its guide's
 * sources, the reading room searched by title and document number a page at a time, a publication with
 * its versions and files, what stays of a withdrawn one, and the list of published annual reports.
 */

const AGENCY = 'ag-city';
const admin = aPrincipal(['agency_admin']);
const approver = aPrincipal(['approver']);

async function aWorld(): Promise<InMemoryWorld> {
  const world = inMemoryWorld();
  await givenAgency(world, anAgency({ agencyId: 'ag-gov', name: '某市人民政府', level: 'government' }));
  await givenAgency(world, anAgency({ parentAgencyId: 'ag-gov' }));
  return world;
}

describe('the guide’s own sections in the office profile', () => {
  const office = anAgency().profile;
  const sections = [
    { title: '本机关政府信息公开工作概况', body: '本机关设政务公开办公室。\n每周一至周五办公。' },
  ];

  it('are optional, and kept with the profile when given', () => {
    expect(OfficeProfile.parse(office)).not.toHaveProperty('guideSections');
    expect(OfficeProfile.parse({ ...office, guideSections: sections }).guideSections).toEqual(sections);
  });

  it('are refused empty, too long, too many, too much in all, or with fields of their own', () => {
    const refused = (guideSections: unknown) =>
      ProfileUpdate.safeParse({ version: 1, profile: { ...office, guideSections } }).error?.issues.map(
        (issue) => `${issue.path.join('.')}: ${issue.message}`,
      );
    expect(refused([{ title: ' ', body: '正文' }])).toEqual([
      'profile.guideSections.0.title: must not be empty',
    ]);
    expect(refused([{ title: '标', body: '字'.repeat(3001) }])).toEqual([
      'profile.guideSections.0.body: must be at most 3000 characters',
    ]);
    expect(refused(Array.from({ length: 9 }, () => ({ title: '标题', body: '正文' })))).toEqual([
      'profile.guideSections: must be at most 8 sections',
    ]);
    expect(refused(Array.from({ length: 4 }, () => ({ title: '标题', body: '字'.repeat(2600) })))).toEqual([
      'profile.guideSections: must hold at most 10000 characters of text in all',
    ]);
    expect(refused([{ title: '标题', body: '正文', html: '<b>' }])?.[0]).toMatch(
      /^profile\.guideSections\.0/,
    );
    expect(refused([{ title: '标题\u202e', body: '正文' }])?.[0]).toMatch(/bidi control/);
  });

  it('are recorded as changed only when what they say changes', () => {
    const before = OfficeProfile.parse({ ...office, guideSections: sections });
    expect(
      changedProfileFields(before, OfficeProfile.parse({ ...office, guideSections: [...sections] })),
    ).toEqual([]);
    expect(
      changedProfileFields(
        before,
        OfficeProfile.parse({ ...office, guideSections: [{ ...sections[0], body: '改' }] }),
      ),
    ).toEqual(['guideSections']);
    expect(changedProfileFields(before, office ?? before)).toEqual(['guideSections']);
  });

  it('are set through the profile update, stay out of the directory, and reach the public agency', async () => {
    const world = await aWorld();
    const updated = await updateProfile(
      world.agencies,
      admin,
      AGENCY,
      { version: 1, profile: OfficeProfile.parse({ ...office, guideSections: sections }) },
      cst('2026-10-08'),
    );
    expect(updated.profile?.guideSections).toEqual(sections);
    const directory = await listDirectory(world.agencies, { limit: 10 });
    const listed = directory.items.find((item) => item.agencyId === AGENCY);
    expect(listed?.office).toMatchObject({ officeName: office?.officeName });
    expect(listed?.office).not.toHaveProperty('guideSections');
    const agency = await publicAgency(world.agencies, AGENCY, '2026-10-08');
    expect(agency.guideSections).toEqual(sections);
    expect(agency.office).not.toHaveProperty('guideSections');
  });
});

describe('an agency as the public reads it', () => {
  it('names its parent, its catalogue, its time policy in force and who reconsiders its decisions', async () => {
    const world = await aWorld();
    const agency = await publicAgency(world.agencies, AGENCY, '2026-10-08');
    expect(agency).toMatchObject({
      agencyId: AGENCY,
      name: '某市生态环境局',
      level: 'department',
      parent: { agencyId: 'ag-gov', name: '某市人民政府' },
      guideSections: [],
      catalogue: DEFAULT_CATALOGUE,
      policy: {
        replyWorkingDays: 20,
        maxExtensionWorkingDays: 20,
        feePaymentWorkingDays: 20,
        publicationWorkingDays: 20,
      },
      // A department of a local government: that government (行政复议法 Art. 24(1)(1)).
      reconsideration: { designation: '本级人民政府', name: '某市人民政府', source: 'parent' },
    });
    await expect(publicAgency(world.agencies, 'ag-none', '2026-10-08')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the reading room, searched', () => {
  it('finds by a word of the title and by a part of the document number', async () => {
    const world = await aWorld();
    await aPublication(world, AGENCY, { title: '关于道路维修的通知', documentNumber: '某环发〔2026〕7号' });
    await aPublication(world, AGENCY, { title: '大气污染防治计划', documentNumber: '某环发〔2026〕12号' });
    const search = (q: string) =>
      readingRoomPage(world.proactiveDeps, AGENCY, { q, limit: 20 }).then((page) =>
        page.items.map((item) => item.title),
      );
    expect(await search('道路')).toEqual(['关于道路维修的通知']);
    expect(await search('〔2026〕12号')).toEqual(['大气污染防治计划']);
    expect(await search('没有这个词')).toEqual([]);
  });

  it('tops a searched page up from the following entries, up to a bound of reads, and says where it stopped', async () => {
    const world = await aWorld();
    // Newest first: the three matches sit behind non-matching entries.
    for (const day of ['2026-09-21', '2026-09-22', '2026-09-23'])
      await aPublication(world, AGENCY, { title: `月报 ${day}`, formedOn: day }, day);
    for (const day of ['2026-09-24', '2026-09-25', '2026-09-28', '2026-09-29', '2026-09-30'])
      await aPublication(world, AGENCY, { title: `其他 ${day}`, formedOn: day }, day);
    const first = await readingRoomPage(world.proactiveDeps, AGENCY, { q: '月报', limit: 2 });
    // Reads of 2 entries each: 其他×2, 其他×2, 其他+月报, 月报×2 — stopped once the page had 2.
    expect(first.items.map((item) => item.title)).toEqual([
      '月报 2026-09-23',
      '月报 2026-09-22',
      '月报 2026-09-21',
    ]);
    expect(first.reads).toBe(4);
    expect(first.reads).toBeLessThanOrEqual(SEARCH_READS_PER_PAGE);
    const bounded = await readingRoomPage(world.proactiveDeps, AGENCY, { q: '没有', limit: 1 });
    expect(bounded).toMatchObject({ items: [], reads: SEARCH_READS_PER_PAGE, nextToken: expect.any(String) });
    const rest = await readingRoomPage(world.proactiveDeps, AGENCY, {
      q: '没有',
      limit: 1,
      nextToken: bounded.nextToken ?? undefined,
    });
    expect(rest).toMatchObject({ items: [], nextToken: null, reads: 3 });
  });

  it('refuses a page token issued for another query', async () => {
    const world = await aWorld();
    await aPublication(world, AGENCY, { title: '甲' });
    await aPublication(world, AGENCY, { title: '乙', formedOn: '2026-09-29' }, '2026-10-09');
    const page = await readingRoomPage(world.proactiveDeps, AGENCY, { limit: 1 });
    expect(page.nextToken).not.toBeNull();
    await expect(
      readingRoomPage(world.proactiveDeps, AGENCY, {
        q: '甲',
        limit: 1,
        nextToken: page.nextToken ?? undefined,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('a publication as the public reads it', () => {
  it('shows the version asked for with its history and its effective date; unknown versions are not found', async () => {
    const world = await aWorld();
    const first = await aPublication(world, AGENCY, { effectiveOn: '2026-10-01' });
    await aPublication(
      world,
      AGENCY,
      { title: '关于印发《某市生态环境保护规划》的通知（修订）' },
      '2026-10-12',
      first.id,
    );
    const latest = await publicPublication(world.proactiveDeps, first.publicationId, undefined);
    expect(latest).toMatchObject({
      status: 'published',
      version: 2,
      latestVersion: 2,
      effectiveOn: null,
      changedOn: '2026-10-12',
    });
    expect(latest.status === 'published' && latest.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(await publicPublication(world.proactiveDeps, first.publicationId, 1)).toMatchObject({
      status: 'published',
      version: 1,
      latestVersion: 2,
      title: '关于印发《某市生态环境保护规划》的通知',
      effectiveOn: '2026-10-01',
    });
    await expect(publicPublication(world.proactiveDeps, first.publicationId, 3)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('keeps the record of a withdrawn one — title, number, dates, why — but not its text (the API says 410)', async () => {
    const world = await aWorld();
    const { publicationId } = await aPublication(world, AGENCY);
    await withdraw(
      world.proactiveDeps,
      approver,
      AGENCY,
      publicationId,
      { reason: '内容有误', legalBasis: '《政府信息公开条例》第二十六条' },
      cst('2026-10-10'),
    );
    const shown = await publicPublication(world.proactiveDeps, publicationId, undefined);
    expect(shown).toEqual({
      status: 'withdrawn',
      publicationId,
      agencyId: AGENCY,
      title: '关于印发《某市生态环境保护规划》的通知',
      documentNumber: '某环发〔2026〕12号',
      issuingOffice: '某市生态环境局',
      category: 'plans',
      formedOn: '2026-09-28',
      firstPublishedOn: '2026-09-30',
      latestVersion: 1,
      withdrawal: { on: '2026-10-10', reason: '内容有误', legalBasis: '《政府信息公开条例》第二十六条' },
    });
    expect(shown).not.toHaveProperty('body');
    await expect(readPublication(world.proactiveDeps, publicationId, undefined)).rejects.toBeInstanceOf(
      GoneError,
    );
  });

  it('is not found when internal or unknown', async () => {
    const world = await aWorld();
    const internal = await aPublication(world, AGENCY, { audience: 'internal' });
    await expect(
      publicPublication(world.proactiveDeps, internal.publicationId, undefined),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      publicPublication(world.proactiveDeps, 'pub_000000000000', undefined),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('gives a short-lived link to each file of a version, and none once withdrawn', async () => {
    const world = await aWorld();
    const body = world.uploads.put(anUploadKey(1));
    const table = world.uploads.put(anUploadKey(2));
    const interpretation = world.uploads.put(anUploadKey(3));
    const { publicationId } = await aPublication(world, AGENCY, {
      attachments: [
        { uploadKey: body, name: '规划.pdf' },
        { uploadKey: table, name: '附表.xlsx' },
      ],
      policyDocument: true,
      interpretation: { uploadKey: interpretation, name: '解读.pdf' },
    });
    const deps = { ...world.proactiveDeps, uploads: world.uploads };
    expect(await publicationFileUrl(deps, publicationId, undefined, { kind: 'attachment', number: 2 })).toBe(
      await world.uploads.downloadUrl(table, '附表.xlsx'),
    );
    expect(await publicationFileUrl(deps, publicationId, 1, { kind: 'interpretation' })).toBe(
      await world.uploads.downloadUrl(interpretation, '解读.pdf'),
    );
    await expect(
      publicationFileUrl(deps, publicationId, undefined, { kind: 'attachment', number: 3 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      publicationFileUrl(deps, publicationId, 2, { kind: 'attachment', number: 1 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await withdraw(
      world.proactiveDeps,
      approver,
      AGENCY,
      publicationId,
      { reason: '有误', legalBasis: '依据' },
      cst('2026-10-10'),
    );
    await expect(
      publicationFileUrl(deps, publicationId, undefined, { kind: 'attachment', number: 1 }),
    ).rejects.toBeInstanceOf(GoneError);
  });
});

describe('the effective date (施行日期) of a document', () => {
  it('is optional, never before the document was formed, and older versions read it as none', async () => {
    expect(() => checkContent(aSubmission({ effectiveOn: '2026-09-27' }), DEFAULT_CATALOGUE, [])).toThrow(
      expect.objectContaining({
        code: 'invalid-submission',
        errors: [
          { path: 'body.effectiveOn', message: 'must not be before the day it was formed (formedOn)' },
        ],
      }),
    );
    expect(() =>
      checkContent(aSubmission({ effectiveOn: '2026-09-28' }), DEFAULT_CATALOGUE, []),
    ).not.toThrow();
    const world = await aWorld();
    const { publicationId } = await aPublication(world, AGENCY, { effectiveOn: '2026-11-01' });
    const version = await world.proactive.getPublicationVersion(publicationId, 1);
    expect(version?.effectiveOn).toBe('2026-11-01');
    const { effectiveOn: _effectiveOn, ...kept } = version ?? {};
    expect(PublicationVersion.parse(kept).effectiveOn).toBeNull();
  });
});

describe('the published annual reports of an agency', () => {
  it('are listed latest year first, with the edition in force and the day it was published', async () => {
    const world = await aWorld();
    const narrative = { general: '总体情况', problems: '问题', other: '无' };
    for (const [year, day] of [
      [2025, '2026-01-20'],
      [2026, '2027-01-20'],
    ] as const) {
      await draftReport(world.reportDeps, admin, AGENCY, year, cst(day));
      await editNarrative(world.reportDeps, admin, AGENCY, year, { version: 1, ...narrative }, cst(day));
      await publish(world.reportDeps, approver, AGENCY, year, { version: 2 }, cst(day));
    }
    expect(await listPublishedReports(world.reportDeps, AGENCY)).toEqual({
      agency: { agencyId: AGENCY, name: expect.any(String) },
      items: [
        { year: 2026, edition: 1, publishedOn: '2027-01-20' },
        { year: 2025, edition: 1, publishedOn: '2026-01-20' },
      ],
    });
    expect(await listPublishedReports(world.reportDeps, 'ag-gov')).toEqual({
      agency: { agencyId: 'ag-gov', name: expect.any(String) },
      items: [],
    });
    await expect(listPublishedReports(world.reportDeps, 'ag-none')).rejects.toBeInstanceOf(NotFoundError);
  });
});
