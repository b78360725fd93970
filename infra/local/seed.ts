import { SECRECY_RISKS } from '#lib/domain/submission/review-chain';
import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import { DynamoCalendarStore } from '#lib/adapters/calendar-store';
import { DynamoProactiveStore } from '#lib/adapters/proactive-store';
import type { RecordsTable } from '#lib/adapters/records-table';
import { DynamoReportStore } from '#lib/adapters/report-store';
import type { S3Uploads } from '#lib/adapters/s3-uploads';
import { DynamoStaffStore } from '#lib/adapters/staff-store';
import type { NewAgency, OfficeProfile } from '#lib/domain/agency';
import { addDays } from '#lib/domain/calendar/civil-date';
import { chinaDateOf, chinaYearOf } from '#lib/domain/china-time';
import { RuleViolationError } from '#lib/domain/errors';
import { PLATFORM_AGENCY_ID, ROLES, type Principal, type Role, type StaffAccount } from '#lib/domain/staff';
import { SubmissionInput } from '#lib/domain/submission/submission';
import { newStaffId } from '#lib/ids';
import { createAgency } from '#lib/use-cases/agencies';
import { draftReport, editNarrative, publish, type ReportDeps } from '#lib/use-cases/annual-reports';
import {
  createSubmission,
  listPublications,
  reviewSubmission,
  sendForReview,
  type ProactiveDeps,
} from '#lib/use-cases/proactive';
import { createStaff, type StaffDirectory } from '#lib/use-cases/staff';

/**
 * The demo tenant of the local cloud: a people's government with two departments under it, one staff
 * member per role and a second reviewer (the default review chain has two review levels, 初审 and 复审,
 * and nobody signs two steps of one item), a few documents published in different categories (one with
 * its file and its interpretation), and last year's annual report — all through the same use cases the
 * API calls, so `npm start` opens on a portal worth reading. Idempotent: `npm start` runs it again on
 * the same `.data/`, and it adds only what is missing.
 */
export type DemoAccount = Role | 'second_reviewer';
export const DEMO_AGENCY_ID = 'demo-city';

const demoContacts: OfficeProfile = {
  officeName: '示范市人民政府办公室政务公开科',
  head: '王明',
  address: '示范市人民路1号',
  postcode: '100000',
  openingHours: '工作日 9:00–12:00，13:30–17:30',
  phone: '010-12345678',
  fax: '010-12345679',
  email: 'gongkai@demo-city.example.cn',
  website: null,
};
const demoOffice: OfficeProfile = {
  ...demoContacts,
  guideSections: [
    {
      title: '政府信息公开查阅点',
      body: '示范市档案馆、示范市图书馆设有政府信息公开查阅点，供公众免费查阅本机关主动公开的政府信息。\n查阅时间：周二至周日 9:00–17:00。',
    },
  ],
};

/** The demo government's departments, so the directory's tree shows its levels. */
const departments: readonly NewAgency[] = [
  {
    agencyId: 'demo-city-finance',
    name: '示范市财政局',
    level: 'department',
    parentAgencyId: DEMO_AGENCY_ID,
    profile: {
      ...demoContacts,
      officeName: '示范市财政局办公室',
      head: '李红',
      address: '示范市人民路3号',
      phone: '010-12345690',
      fax: null,
      email: 'gongkai@finance.demo-city.example.cn',
    },
  },
  {
    agencyId: 'demo-city-education',
    name: '示范市教育局',
    level: 'department',
    parentAgencyId: DEMO_AGENCY_ID,
    profile: {
      ...demoContacts,
      officeName: '示范市教育局办公室',
      head: '陈静',
      address: '示范市文化路18号',
      phone: '010-12345700',
      fax: null,
      email: 'gongkai@education.demo-city.example.cn',
    },
  },
];

/** A demo file: what the seed uploads, as a browser would through the presigned URL. */
type DemoFile = { readonly name: string; readonly text: string };

/** What the demo agency publishes: different categories, days apart, one with its files. */
const demoDocuments = (
  today: string,
): readonly (Record<string, unknown> & { files?: readonly DemoFile[]; interpretation?: DemoFile })[] => [
  {
    title: '示范市人民政府关于印发《示范市2026年重点民生实事项目》的通知',
    documentNumber: '示政发〔2026〕3号',
    issuingOffice: '示范市人民政府',
    category: 'plans',
    formedOn: addDays(today, -6),
    effectiveOn: addDays(today, -6),
    policyDocument: true,
    body: '各区人民政府，市政府各部门：\n现将《示范市2026年重点民生实事项目》印发给你们，请结合实际认真组织实施。\n示范市人民政府',
    files: [
      {
        name: '示范市2026年重点民生实事项目清单.txt',
        text: '一、新建和改扩建中小学校5所。\n二、新增养老服务床位1000张。\n',
      },
    ],
    interpretation: {
      name: '《示范市2026年重点民生实事项目》政策解读.txt',
      text: '一、制定背景\n二、主要内容\n',
    },
  },
  {
    title: '示范市2026年市级部门预算公开说明',
    documentNumber: '示财预〔2026〕5号',
    issuingOffice: '示范市财政局',
    category: 'budgets',
    formedOn: addDays(today, -4),
    body: '根据《中华人民共和国预算法》第十四条，现将示范市2026年市级部门预算公开如下。\n一、收支预算总体情况。\n二、“三公”经费预算情况。',
  },
  {
    title: '示范市2026年第三季度国民经济运行情况',
    issuingOffice: '示范市统计局',
    category: 'statistics',
    formedOn: addDays(today, -2),
    body: '前三季度，全市地区生产总值同比增长5.2%。\n规模以上工业增加值同比增长6.1%。',
  },
  {
    title: '示范市2026年度考试录用公务员公告',
    documentNumber: '示人社公告〔2026〕8号',
    issuingOffice: '示范市人力资源和社会保障局',
    category: 'recruitment',
    formedOn: addDays(today, -1),
    body: '经研究，示范市2026年度考试录用公务员工作即将开始，现将有关事项公告如下。\n一、报考条件。\n二、报名时间和方式。',
  },
];

const bootstrap: Principal = {
  staffId: 'local-bootstrap',
  agencyId: PLATFORM_AGENCY_ID,
  roles: new Set<Role>(['platform_admin']),
  name: 'local seed',
};

const principalOf = (account: StaffAccount): Principal => ({
  staffId: account.staffId,
  agencyId: account.agencyId,
  roles: new Set(account.roles),
  name: account.name,
});

const clearSecrecy = {
  risks: Object.fromEntries(SECRECY_RISKS.map((risk) => [risk, 'none'])) as Record<
    (typeof SECRECY_RISKS)[number],
    'none'
  >,
  outcome: 'clear',
} as const;

export async function seedDemo(
  table: RecordsTable,
  directory: StaffDirectory,
  uploads: S3Uploads,
  now: Date,
  log: (message: string) => void = () => undefined,
): Promise<Record<DemoAccount, StaffAccount>> {
  const agencies = new DynamoAgencyStore(table);
  const staff = new DynamoStaffStore(table);
  if ((await agencies.get(DEMO_AGENCY_ID)) === undefined) {
    await createAgency(
      agencies,
      bootstrap,
      {
        agencyId: DEMO_AGENCY_ID,
        name: '示范市人民政府',
        level: 'government',
        parentAgencyId: null,
        profile: demoOffice,
      },
      now,
    );
  }
  for (const department of departments)
    if ((await agencies.get(department.agencyId)) === undefined)
      await createAgency(agencies, bootstrap, department, now);

  const accounts: Partial<Record<DemoAccount, StaffAccount>> = {};
  const demo: [DemoAccount, Role][] = [
    ...ROLES.map((role) => [role, role] as [Role, Role]),
    ['second_reviewer', 'reviewer'],
  ];
  for (const [account, role] of demo) {
    const email = `${account.replace('_', '-')}@demo-city.example.cn`;
    const agencyId = role === 'platform_admin' ? PLATFORM_AGENCY_ID : DEMO_AGENCY_ID;
    accounts[account] =
      (await staff.findByEmail(email)) ??
      (await createStaff(
        { store: staff, agencies, directory, newStaffId },
        bootstrap,
        agencyId,
        { email, name: `示范 ${account}`, roles: [role] },
        now,
      ));
  }
  const seeded = accounts as Record<DemoAccount, StaffAccount>;
  const proactive: ProactiveDeps = {
    store: new DynamoProactiveStore(table),
    agencies,
    calendars: new DynamoCalendarStore(table),
    uploads,
  };
  await publishDemoDocuments(proactive, uploads, seeded, now);
  await publishLastYearsReport({ store: new DynamoReportStore(table), agencies }, seeded, now, log);
  return seeded;
}

/** Uploads a demo file as a browser does: a presigned URL, then a PUT of exactly the declared bytes. */
async function upload(uploads: S3Uploads, file: DemoFile): Promise<string> {
  const bytes = Buffer.from(file.text, 'utf8');
  const { uploadKey, url, headers } = await uploads.presignUpload('text/plain; charset=utf-8', bytes.length);
  const put = await fetch(url, { method: 'PUT', headers, body: new Uint8Array(bytes) });
  if (!put.ok) throw new Error(`The demo file ${file.name} could not be uploaded: ${put.status}`);
  return uploadKey;
}

/** The demo documents the reading room lacks, each through the whole review chain to publication. */
async function publishDemoDocuments(
  deps: ProactiveDeps,
  uploads: S3Uploads,
  accounts: Record<DemoAccount, StaffAccount>,
  now: Date,
) {
  const listed = await listPublications(deps, DEMO_AGENCY_ID, 'public', { limit: 100 });
  const present = new Set(listed.items.map((entry) => entry.title));
  const clerk = principalOf(accounts.clerk);
  for (const { files = [], interpretation, ...document } of demoDocuments(chinaDateOf(now))) {
    if (present.has(String(document.title))) continue;
    const content = SubmissionInput.parse({
      attribute: 'proactive',
      audience: 'public',
      display: { kind: 'long_term' },
      ...document,
      attachments: await Promise.all(
        files.map(async (file) => ({ uploadKey: await upload(uploads, file), name: file.name })),
      ),
      ...(interpretation === undefined
        ? {}
        : {
            interpretation: { uploadKey: await upload(uploads, interpretation), name: interpretation.name },
          }),
    });
    let submission = await createSubmission(deps, clerk, DEMO_AGENCY_ID, content, now);
    submission = await sendForReview(deps, clerk, DEMO_AGENCY_ID, submission.id, now);
    const signed = new Set<string>();
    while (submission.status === 'in_review' && submission.currentStep !== null) {
      const step = submission.chain[submission.currentStep];
      if (step === undefined) throw new Error(`The demo document waits at no step: ${submission.id}`);
      const signer = Object.values(accounts).find(
        (account) =>
          account.roles.includes(step.role) &&
          !signed.has(account.staffId) &&
          account.staffId !== clerk.staffId,
      );
      if (signer === undefined) throw new Error(`No demo account can sign ${step.id}.`);
      signed.add(signer.staffId);
      submission = await reviewSubmission(
        deps,
        principalOf(signer),
        DEMO_AGENCY_ID,
        submission.id,
        {
          step: step.id,
          verdict: 'approve',
          opinion: '同意',
          ...(step.kind === 'secrecy_review' ? { secrecy: clearSecrecy } : {}),
        },
        now,
      );
    }
  }
}

/**
 * Last year's annual report, drafted from the counters and published, if the year has none. A report
 * whose checks fail (the on-disk demo may hold anything) is left as a draft, and said so.
 */
async function publishLastYearsReport(
  deps: ReportDeps,
  accounts: Record<DemoAccount, StaffAccount>,
  now: Date,
  log: (message: string) => void,
) {
  const year = chinaYearOf(now) - 1;
  const existing = await deps.store.get(DEMO_AGENCY_ID, year);
  if (existing !== undefined && existing.report.seals.length > 0) return;
  const admin = principalOf(accounts.agency_admin);
  try {
    const drafted = existing?.report ?? (await draftReport(deps, admin, DEMO_AGENCY_ID, year, now));
    const edited = await editNarrative(
      deps,
      admin,
      DEMO_AGENCY_ID,
      year,
      {
        version: drafted.version,
        general: `${year}年，示范市人民政府深入贯彻《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，持续推进政府信息公开工作。`,
        problems: '政策解读的形式还不够丰富。下一步将增加图表解读，提高解读质量。',
        other: '无。',
      },
      now,
    );
    await publish(
      deps,
      principalOf(accounts.approver),
      DEMO_AGENCY_ID,
      year,
      { version: edited.version },
      now,
    );
  } catch (error) {
    if (!(error instanceof RuleViolationError)) throw error;
    log(`The demo's ${year} annual report was not published (${error.code}); it stays a draft.`);
  }
}
