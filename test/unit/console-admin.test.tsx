import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { dueStanding, type DueStanding } from '#lib/domain/due-standing';
import { NotFoundError } from '#lib/domain/errors';
import { getStaffAccount } from '#lib/use-cases/staff';
import type { Breach } from '#lib/domain/sweep';
import { signingConflict } from '#lib/domain/submission/submission';
import { registerApplication, act } from '#lib/use-cases/applications/casework';
import { createSubmission, reviewSubmission, sendForReview } from '#lib/use-cases/proactive';
import {
  todayFor,
  type Today,
  type TodayApplication,
  type TodayDeps,
  type TodayPart,
} from '#lib/use-cases/today';
import type { OversightDeps } from '#lib/use-cases/oversight';
import { Page, type PageContext } from '#lib/web/context';
import { translator } from '#lib/web/messages/catalogue';
import type { Locale } from '#lib/web/messages/locale';
import { agencyTree, AgencySummaryPage } from '#lib/web/console/platform/pages.tsx';
import { policyRuleErrors, readPolicy } from '#lib/web/console/admin/policy.tsx';
import { chainRuleText } from '#lib/web/console/admin/review-chain.tsx';
import { PlatformToday, TodayPage } from '#lib/web/console/today/today-page.tsx';
import { dueText, dueTone, groupApplications } from '#lib/web/console/today/wording';
import { chainIssues, DEFAULT_REVIEW_CHAIN } from '#lib/domain/submission/review-chain';
import {
  aPrincipal,
  aRegistration,
  aStaffAccount,
  aSubmission,
  anAgency,
  calendar,
  cst,
  staffIdOf,
} from '#test/support/factories';
import { givenAgency, givenStaff, inMemoryWorld } from '#test/support/fakes';

/** Today's grouping and wording, and the administration pages' details, checked on strings. */

const t = translator('zh-CN');
const en = translator('en');

function html(children: ComponentChildren, locale: Locale = 'zh-CN'): string {
  const context: PageContext = {
    locale,
    t: translator(locale),
    path: '/console',
    largeText: false,
    csrfToken: () => 'token',
  };
  return render(<Page.Provider value={context}>{children}</Page.Provider>);
}

describe('where a deadline stands (due standing)', () => {
  // 2026-10-30 is a Friday; 2026-11-02 the Monday after.
  it('counts working days late, skipping the weekend: due Friday, read Monday, is 1 working day late', () => {
    expect(dueStanding(calendar, '2026-11-02', '2026-10-30')).toEqual({
      kind: 'overdue',
      days: 1,
      unit: 'working_days',
    });
    expect(dueStanding(calendar, '2026-11-04', '2026-10-30').days).toBe(3);
  });
  it('a deadline passed on a Saturday is a day late on the Sunday (never 0 days late)', () => {
    expect(dueStanding(calendar, '2026-11-01', '2026-10-31')).toMatchObject({ kind: 'overdue', days: 1 });
  });
  it('is due today, soon (3 working days or fewer), or later', () => {
    expect(dueStanding(calendar, '2026-10-30', '2026-10-30').kind).toBe('today');
    expect(dueStanding(calendar, '2026-10-30', '2026-11-04')).toMatchObject({ kind: 'soon', days: 3 });
    expect(dueStanding(calendar, '2026-10-30', '2026-11-05')).toMatchObject({ kind: 'later', days: 4 });
  });
  it('counts natural days for a deadline in natural days (a complaint’s 30 days)', () => {
    expect(dueStanding(calendar, '2026-10-30', '2026-11-19', 'natural_days')).toEqual({
      kind: 'later',
      days: 20,
      unit: 'natural_days',
    });
    expect(dueStanding(calendar, '2026-11-02', '2026-10-30', 'natural_days').days).toBe(3);
  });
  it('skips the National Day holiday: due 09-30, read 10-09, is 2 working days late', () => {
    // 10-01..10-07 off; 10-08 (Thursday) and 10-09 are working days.
    expect(dueStanding(calendar, '2026-10-09', '2026-09-30').days).toBe(2);
  });
});

describe('days left in words, and the colour that only repeats them', () => {
  const cases: [DueStanding, string, string, string][] = [
    [{ kind: 'overdue', days: 1, unit: 'working_days' }, '已逾期1个工作日', '1 working day overdue', 'red'],
    [{ kind: 'overdue', days: 4, unit: 'working_days' }, '已逾期4个工作日', '4 working days overdue', 'red'],
    [{ kind: 'overdue', days: 2, unit: 'natural_days' }, '已逾期2天', '2 days overdue', 'red'],
    [{ kind: 'today', days: 0, unit: 'working_days' }, '今天到期', 'Due today', 'red'],
    [{ kind: 'soon', days: 1, unit: 'working_days' }, '还剩1个工作日', '1 working day left', 'amber'],
    [{ kind: 'soon', days: 3, unit: 'working_days' }, '还剩3个工作日', '3 working days left', 'amber'],
    [{ kind: 'later', days: 19, unit: 'natural_days' }, '还剩19天', '19 days left', 'green'],
  ];
  it.each(cases)('%o reads “%s” / “%s”, %s', (standing, zh, english, tone) => {
    expect(dueText(standing, t)).toBe(zh);
    expect(dueText(standing, en)).toBe(english);
    expect(dueTone(standing)).toBe(tone);
  });
});

const anItem = (overrides: Partial<TodayApplication>): TodayApplication => ({
  trackingNumber: '2026-TEST-0001',
  status: 'in_progress',
  channel: 'letter_registered',
  receivedOn: '2026-10-01',
  dueDate: '2026-11-02',
  provisional: false,
  applicant: { type: 'natural_person', name: '张*' } as unknown as TodayApplication['applicant'],
  request: { description: '某事' },
  assignee: null,
  outcome: null,
  confirmBy: null,
  supplementLapsedOn: null,
  mine: false,
  standing: { kind: 'later', days: 5, unit: 'working_days' },
  ...overrides,
});

describe('Today’s applications: theirs first, the most urgent first', () => {
  const me = { staffId: staffIdOf('me'), name: '王五', email: null, assignedOn: '2026-10-02' };
  const items = [
    anItem({ trackingNumber: 'A-later-mine', dueDate: '2026-11-06', mine: true, assignee: me }),
    anItem({
      trackingNumber: 'B-soon',
      dueDate: '2026-11-03',
      standing: { kind: 'soon', days: 2, unit: 'working_days' },
    }),
    anItem({
      trackingNumber: 'C-late-mine',
      dueDate: '2026-10-20',
      mine: true,
      assignee: me,
      standing: { kind: 'overdue', days: 8, unit: 'working_days' },
    }),
    anItem({
      trackingNumber: 'D-unconfirmed',
      status: 'awaiting_confirmation',
      dueDate: null,
      confirmBy: '2026-10-29',
      standing: { kind: 'overdue', days: 1, unit: 'working_days' },
    }),
    anItem({
      trackingNumber: 'E-late',
      dueDate: '2026-10-28',
      standing: { kind: 'overdue', days: 2, unit: 'working_days' },
    }),
  ];
  it('groups the person’s own, then the others; late before soon before later; by date within', () => {
    const { mine, others } = groupApplications(items);
    expect(mine.map((item) => item.trackingNumber)).toEqual(['C-late-mine', 'A-later-mine']);
    expect(others.map((item) => item.trackingNumber)).toEqual(['E-late', 'D-unconfirmed', 'B-soon']);
  });

  const today = (parts: Partial<Today>): Today => ({
    today: '2026-10-30',
    applications: null,
    reviews: null,
    reminders: null,
    breaches: null,
    complaints: null,
    ...parts,
  });

  it('renders each row with its time left in words inside a coloured tag, and marks the person’s own', () => {
    const page = html(
      <TodayPage
        today={today({ applications: { items, more: true } })}
        agencyName="某市生态环境局"
        staffName="王五"
      />,
    );
    expect(page).toContain('<h1>待办</h1>');
    expect(page).toContain('2026年10月30日，某市生态环境局');
    expect(page).toContain('<span class="tag red">已逾期8个工作日</span>');
    expect(page).toContain('<span class="tag amber">还剩2个工作日</span>');
    expect(page).toContain('王五（我）');
    expect(page).toContain('确认期限');
    expect(page).toContain('href="/console/applications/C-late-mine"');
    // The person's own table comes before the others'.
    expect(page.indexOf('C-late-mine')).toBeLessThan(page.indexOf('E-late'));
    expect(page.indexOf('分配给我的')).toBeLessThan(page.indexOf('本机关其他申请'));
    expect(page).toContain('还有更多即将到期的申请');
    // What the person's roles do not list is not there at all.
    expect(page).not.toContain('id="today-breaches"');
    expect(page).not.toContain('id="today-reviews"');
  });

  it('says so when nothing is due, and when none of the person’s own is', () => {
    const none = html(
      <TodayPage
        today={today({ applications: { items: [], more: false } })}
        agencyName="某局"
        staffName="王五"
      />,
    );
    expect(none).toContain('没有即将到期或已逾期的申请。');
    const othersOnly = html(
      <TodayPage
        today={today({ applications: { items: [items[1] as TodayApplication], more: false } })}
        agencyName="某局"
        staffName="王五"
      />,
    );
    expect(othersOnly).toContain('没有分配给您的即将到期申请。');
    const nothing = html(<TodayPage today={today({})} agencyName="某局" staffName="王五" />);
    expect(nothing).toContain('您的角色没有需要在此处理的事项。');
  });

  it('names who answers for a breach, links its case, and shows where it was escalated', () => {
    const breach: Breach = {
      breachKey: '2026#reply_overdue#application#2026-TEST-0001#reply',
      agencyId: 'ag-city',
      kind: 'reply_overdue',
      case: { agencyId: 'ag-city', kind: 'application', id: '2026-TEST-0001' },
      clock: 'reply',
      subject: '申请2026-TEST-0001',
      dueDate: '2026-10-28',
      recordedOn: '2026-10-29',
      accountable: {
        primary: { staffId: staffIdOf('clerk'), name: '刘备' },
        secondary: { role: 'office_head', agencyId: 'ag-city', name: '李华' },
      },
      level: 'ag-province',
      escalations: [{ on: '2026-11-05', to: 'ag-province' }],
      escalateOn: null,
      status: 'open',
      version: 2,
    };
    const page = html(
      <TodayPage
        today={today({ breaches: { items: [breach], more: false } })}
        agencyName="某局"
        staffName="王五"
      />,
    );
    expect(page).toContain('<span class="tag red">答复逾期</span>');
    expect(page).toContain('href="/console/applications/2026-TEST-0001"');
    expect(page).toContain('刘备、政务公开工作机构负责人李华');
    expect(page).toContain('已上报：ag-province');
  });

  it('lists reviews by step, saying why an item is not the person’s to sign', () => {
    const page = html(
      <TodayPage
        today={today({
          reviews: {
            steps: [
              {
                step: 'first_review',
                label: '初审',
                more: false,
                items: [
                  {
                    id: 'sub_0123456789ab',
                    title: '关于印发规划的通知',
                    documentNumber: '某环发〔2026〕12号',
                    round: 1,
                    publicationDueDate: '2026-11-03',
                    standing: { kind: 'soon', days: 2, unit: 'working_days' },
                    conflict: 'handled',
                  },
                ],
              },
              { step: 'second_review', label: '复审', more: false, items: [] },
            ],
          },
        })}
        agencyName="某局"
        staffName="王五"
      />,
    );
    expect(page).toContain('初审（1件）');
    expect(page).not.toContain('复审（0件）');
    expect(page).toContain('href="/console/submissions/sub_0123456789ab"');
    expect(page).toContain('您曾编辑或送审此文件，须由他人审核。');
    expect(page).toContain('<span class="tag amber">还剩2个工作日</span>');
  });

  it('points a platform administrator to the platform pages', () => {
    expect(html(<PlatformToday />)).toContain('href="/console/platform"');
    expect(html(<PlatformToday />, 'en')).toContain('Go to the platform pages');
  });
});

describe('todayFor: the queues read by key, each part only for the roles that list it', () => {
  const agencyId = 'ag-city';
  const breachOf = (overrides: Partial<Breach>): Breach => ({
    breachKey: '2026#reply_overdue#application#x#reply',
    agencyId,
    kind: 'reply_overdue',
    case: null,
    clock: 'reply',
    subject: 'x',
    dueDate: '2026-10-20',
    recordedOn: '2026-10-21',
    accountable: { primary: null, secondary: null },
    level: agencyId,
    escalations: [],
    escalateOn: null,
    status: 'open',
    version: 1,
    ...overrides,
  });

  async function aWorld() {
    const world = inMemoryWorld();
    await givenAgency(world, anAgency());
    const clerk = aStaffAccount({ staffId: staffIdOf('clerk'), roles: ['clerk', 'agency_admin'] });
    await givenStaff(world, clerk);
    const years: number[] = [];
    const oversight: OversightDeps = {
      store: {
        listBreaches: async (_agency, query) => {
          years.push(query.year ?? 0);
          return {
            items:
              query.year === 2026
                ? [
                    breachOf({ breachKey: 'open', recordedOn: '2026-10-21' }),
                    breachOf({ breachKey: 'cured', status: 'resolved' }),
                  ]
                : [breachOf({ breachKey: 'last-year', recordedOn: '2025-12-30' })],
            nextToken: null,
          };
        },
        listReminders: async () => ({
          items: [
            {
              day: '2026-10-29',
              dueDate: '2026-11-02',
              workingDaysLeft: 1,
              subject: '新的',
              case: { agencyId, kind: 'application', id: 'a' },
              clock: 'reply',
            },
            { day: '2026-10-01', dueDate: '2026-10-09', workingDaysLeft: 3, subject: '旧的' },
          ],
          nextToken: null,
        }),
        listOutbox: async () => ({ items: [], nextToken: null }),
      },
      agencies: { get: (id) => world.agencies.get(id), children: async () => [] },
      applications: world.applications,
    };
    const deps: TodayDeps = {
      applications: world.applicationDeps,
      proactive: world.proactiveDeps,
      oversight,
      complaints: world.complaintDeps,
    };
    return { world, deps, clerk, years };
  }
  const all: ReadonlySet<TodayPart> = new Set([
    'applications',
    'reviews',
    'reminders',
    'breaches',
    'complaints',
  ]);

  it('lists late and soon-due applications (the person’s own marked), not those due later', async () => {
    const { world, deps, clerk } = await aWorld();
    const principal = aPrincipal(['clerk', 'agency_admin'], { staffId: clerk.staffId });
    // Reply due 20 working days after receipt: received 09-02 → due 09-30 (late on 10-30); 10-08 → 11-05.
    const register = (receivedOn: string) =>
      registerApplication(
        world.applicationDeps,
        principal,
        agencyId,
        aRegistration({ receivedOn }),
        cst(receivedOn),
      );
    const late = await register('2026-09-02');
    const soon = await register('2026-10-08');
    const later = await register('2026-10-28');
    await act(
      world.applicationDeps,
      principal,
      agencyId,
      late.trackingNumber,
      {
        kind: 'assignment',
        input: { staffId: clerk.staffId },
      },
      cst('2026-10-09'),
    );
    const found = await todayFor(deps, principal, new Set(['applications']), cst('2026-10-30'));
    const listed = found.applications?.items ?? [];
    expect(listed.map((item) => item.trackingNumber)).toEqual([late.trackingNumber, soon.trackingNumber]);
    expect(listed.map((item) => item.mine)).toEqual([true, false]);
    expect(listed[0]?.standing?.kind).toBe('overdue');
    expect(listed.map((item) => item.trackingNumber)).not.toContain(later.trackingNumber);
    expect(found.reviews).toBeNull();
    expect(found.breaches).toBeNull();
  });

  it('shows open breaches of this year and last, newest first; reminders of the last week only', async () => {
    const { deps, clerk, years } = await aWorld();
    const principal = aPrincipal(['clerk', 'agency_admin'], { staffId: clerk.staffId });
    const found = await todayFor(deps, principal, all, cst('2026-10-30'));
    expect(years.sort()).toEqual([2025, 2026]);
    expect(found.breaches?.items.map((breach) => breach.breachKey)).toEqual(['open', 'last-year']);
    expect(found.reminders?.items.map((reminder) => reminder.subject)).toEqual(['新的']);
  });

  it('lists the items at the steps the person signs, and says when they may not sign one', async () => {
    const { world, deps } = await aWorld();
    const author = aPrincipal(['clerk'], { staffId: staffIdOf('author') });
    const created = await createSubmission(
      world.proactiveDeps,
      author,
      agencyId,
      aSubmission({ formedOn: '2026-10-26' }),
      cst('2026-10-26'),
    );
    await sendForReview(world.proactiveDeps, author, agencyId, created.id, cst('2026-10-26'));
    const reviewer = aPrincipal(['reviewer'], { staffId: staffIdOf('rev1') });
    const found = await todayFor(deps, reviewer, new Set(['reviews']), cst('2026-10-27'));
    expect(found.reviews?.steps.map((step) => [step.label, step.items.length])).toEqual([
      ['初审', 1],
      ['复审', 0],
    ]);
    expect(found.reviews?.steps[0]?.items[0]?.conflict).toBeNull();
    // The first reviewer signs 初审; at 复审 the same person may not sign another step of it.
    await reviewSubmission(
      world.proactiveDeps,
      reviewer,
      agencyId,
      created.id,
      {
        step: 'first_review',
        verdict: 'approve',
        opinion: '同意',
      },
      cst('2026-10-27'),
    );
    const after = await todayFor(deps, reviewer, new Set(['reviews']), cst('2026-10-27'));
    expect(after.reviews?.steps[1]?.items[0]?.conflict).toBe('other_step');
  });
});

describe('the signer’s conflict (the rule the review use case applies, asked by Today)', () => {
  it('names the author, an editor, and a signer of another step', async () => {
    const world = inMemoryWorld();
    await givenAgency(world, anAgency());
    const author = aPrincipal(['clerk'], { staffId: staffIdOf('author') });
    const created = await createSubmission(
      world.proactiveDeps,
      author,
      'ag-city',
      aSubmission(),
      cst('2026-10-26'),
    );
    const sent = await sendForReview(world.proactiveDeps, author, 'ag-city', created.id, cst('2026-10-26'));
    const submission = (await world.proactive.getSubmission(sent.id))?.submission;
    if (submission === undefined) throw new Error('no submission');
    expect(signingConflict(submission, author.staffId)).toBe('own');
    expect(signingConflict(submission, staffIdOf('someone'))).toBeNull();
  });
});

describe('one staff account, for its own agency only', () => {
  it('is read for its agency; another agency’s is not found, like one that does not exist', async () => {
    const world = inMemoryWorld();
    await givenAgency(world, anAgency());
    const account = await givenStaff(world, aStaffAccount());
    const deps = { store: world.staff };
    await expect(getStaffAccount(deps, 'ag-city', account.staffId)).resolves.toEqual(account);
    await expect(getStaffAccount(deps, 'ag-other', account.staffId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getStaffAccount(deps, 'ag-city', staffIdOf('nobody'))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('administration details', () => {
  it('translates every rule the review chain can break into the reader’s words', () => {
    const broken = [
      { id: 'a', label: '复审', role: 'approver', kind: 'final_approval' },
      { id: 'a', label: '复审', role: 'reviewer', kind: 'secrecy_review' },
      { id: 'c', label: '印前', role: 'reviewer', kind: 'pre_publication_check' },
      { id: 'd', label: '终审', role: 'approver', kind: 'final_approval' },
    ] as const;
    const issues = chainIssues(broken);
    expect(issues.length).toBeGreaterThan(4);
    for (const issue of issues) expect(chainRuleText(issue, broken, t)).toMatch(/[\u4e00-\u9fff]/);
    expect(chainIssues(DEFAULT_REVIEW_CHAIN)).toEqual([]);
  });

  it('reads a policy form: numbers bounded by the Regulations, each error in words beside its field', () => {
    const form = (values: Record<string, string>) => ({
      get: (name: string) => values[name],
      getAll: (name: string) => (values[name] === undefined ? [] : [values[name]]),
      files: () => [],
      values,
    });
    const good = {
      effectiveFrom: '2026-12-01',
      replyWorkingDays: '15',
      maxExtensionWorkingDays: '15',
      feePaymentWorkingDays: '20',
      clarificationPeriodWorkingDays: '15',
      consultationWorkingDays: '15',
      publicationWorkingDays: '20',
      confirmationWorkingDays: '3',
    };
    expect(readPolicy(form(good), 4, t).update).toEqual({
      version: 4,
      policy: {
        ...Object.fromEntries(
          Object.entries(good).map(([k, v]) => [k, k === 'effectiveFrom' ? v : Number(v)]),
        ),
      },
    });
    const bad = readPolicy(form({ ...good, replyWorkingDays: '25', effectiveFrom: '2026-02-30' }), 4, t);
    expect(bad.errors).toEqual([
      { field: 'effectiveFrom', message: '生效日期须为今天或以后的日期，格式为2026-12-01' },
      { field: 'replyWorkingDays', message: '答复期限（工作日）须为1至20之间的整数' },
    ]);
    // The use case's rule (the other side's time), beside its field.
    expect(policyRuleErrors(['body.policy.consultationWorkingDays'], t)).toEqual([
      { field: 'consultationWorkingDays', message: '征求第三方意见的答复期限（工作日）须为15' },
    ]);
  });

  it('shows an agency’s annual-report cutoff as a day of the year', () => {
    const page = html(
      <AgencySummaryPage
        agency={anAgency({ annualReportCutoff: '01-31' })}
        parent={undefined}
        children={[]}
        staff={[]}
        moreStaff={false}
        values={{}}
        roles={[]}
        errors={[]}
        notices={null}
      />,
    );
    expect(page).toContain('每年1月31日');
    expect(page).toContain('无（顶级机关）');
  });

  it('draws the agency tree: children under their parent; a child whose parent is on another page at the top', () => {
    const tree = agencyTree([
      { agencyId: 'city', name: '市政府', level: 'government', parentAgencyId: null },
      { agencyId: 'city-env', name: '市生态环境局', level: 'department', parentAgencyId: 'city' },
      { agencyId: 'city-env-lab', name: '监测站', level: 'department', parentAgencyId: 'city-env' },
      { agencyId: 'orphan', name: '某局', level: 'department', parentAgencyId: 'elsewhere' },
    ]);
    expect(tree.map((node) => node.agency.agencyId)).toEqual(['city', 'orphan']);
    expect(tree[0]?.children[0]?.agency.agencyId).toBe('city-env');
    expect(tree[0]?.children[0]?.children[0]?.agency.agencyId).toBe('city-env-lab');
  });
});
