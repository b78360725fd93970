import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { Agency } from '#lib/domain/agency';
import { NotFoundError } from '#lib/domain/errors';
import type { Principal, StaffAccount } from '#lib/domain/staff';
import { obligationPeriods, periodOf, periodStanding } from '#lib/domain/submission/obligations';
import { SECRECY_RISKS, type SecrecyConclusion } from '#lib/domain/submission/review-chain';
import { reviewRefusal, type SubmissionInput } from '#lib/domain/submission/submission';
import { obligationSchedule } from '#lib/use-cases/obligations';
import {
  createSubmission,
  getSubmission,
  reviewSubmission,
  sendForReview,
  type ProactiveDeps,
} from '#lib/use-cases/proactive';
import { agencyPublicationFileUrl, submissionFileUrl } from '#lib/use-cases/proactive-reads';
import type { ConsoleDeps } from '#lib/web/console/console-deps';
import { currentSection } from '#lib/web/console/navigation';
import { proactivePages } from '#lib/web/console/proactive/index.tsx';
import type { StaffSession } from '#lib/web/console/session';
import { Page, type PageContext } from '#lib/web/context';
import { translator } from '#lib/web/messages/catalogue';
import type { FormFields, PageAnswer, PageRequest } from '#lib/web/page-function.tsx';
import {
  aPrincipal,
  aSubmission,
  anAgency,
  anUploadKey,
  calendar,
  cst,
  staffIdOf,
} from '#test/support/factories';
import { givenAgency, inMemoryWorld, type InMemoryWorld } from '#test/support/fakes';

/**
 * The console's proactive pages rendered over in-memory ports: what is easier to check on the HTML than in
 * a browser — which form a person is offered (and which not), the secrecy checklist, answers to wrong or
 * forged forms, the CSV — and the new domain and use-case logic they stand on (refusals, obligations).
 */
const AGENCY = 'ag-city';
const TODAY = '2026-10-12';
const author = aPrincipal(['clerk', 'reviewer', 'secrecy_reviewer', 'approver'], {
  staffId: staffIdOf('author'),
});
const reviewer = aPrincipal(['reviewer']);
const second = aPrincipal(['reviewer'], { staffId: staffIdOf('second') });
const secrecyReviewer = aPrincipal(['secrecy_reviewer']);
const approver = aPrincipal(['approver']);
const stranger = aPrincipal(['clerk', 'reviewer'], { agencyId: 'ag-other', staffId: staffIdOf('stranger') });
const t = translator('zh-CN');

const clear: SecrecyConclusion = {
  risks: Object.fromEntries(SECRECY_RISKS.map((risk) => [risk, 'none'])) as SecrecyConclusion['risks'],
  outcome: 'clear',
};

async function aWorld(agency: Agency = anAgency()) {
  const world = inMemoryWorld();
  await givenAgency(world, agency);
  await givenAgency(world, anAgency({ agencyId: 'ag-other', name: '某区人民政府', level: 'government' }));
  const deps = { proactive: world.proactiveDeps, agencies: world.agencies } as unknown as ConsoleDeps;
  return { world, pages: proactivePages(deps) };
}

const sessionOf = (principal: Principal): StaffSession => ({
  principal,
  account: { staffId: principal.staffId, agencyId: principal.agencyId } as StaffAccount,
  agencyName: '某市生态环境局',
});

function formOf(
  fields: Record<string, string | readonly string[]>,
  files: Record<string, File[]> = {},
): FormFields {
  const all = (name: string): readonly string[] => {
    const value = fields[name];
    return value === undefined ? [] : typeof value === 'string' ? [value] : value;
  };
  return {
    get: (name) => all(name)[0],
    getAll: all,
    files: (name) => files[name] ?? [],
    values: Object.fromEntries(Object.keys(fields).map((name) => [name, all(name)[0] ?? ''])),
  };
}

/** A request to one of the pages, as the page function hands it over. */
function request(
  principal: Principal,
  params: Readonly<Record<string, string>>,
  extra: Partial<PageRequest> = {},
) {
  return {
    params,
    session: sessionOf(principal),
    held: undefined,
    query: {},
    form: formOf({}),
    cookies: {},
    headers: {},
    now: cst(TODAY),
    requestId: 'req-1',
    locale: 'zh-CN',
    t,
    path: '/console/submissions',
    ...extra,
  } as never;
}

/** The page's HTML as the layout would hold it (its body only), and its status. */
function html(answer: PageAnswer, principal: Principal = author): { status: number; body: string } {
  if (answer.kind !== 'page') throw new Error(`not a page: ${answer.kind}`);
  const context: PageContext = {
    locale: 'zh-CN',
    t,
    path: '/console',
    largeText: false,
    csrfToken: () => 'csrf-token',
    console: { staff: sessionOf(principal), page: '/console' },
  };
  return {
    status: answer.status ?? 200,
    body: render(<Page.Provider value={context}>{answer.body}</Page.Provider>),
  };
}

const register = (world: InMemoryWorld, content: SubmissionInput = aSubmission(), by = author) =>
  createSubmission(world.proactiveDeps, by, AGENCY, content, cst(TODAY));

async function atStep(
  world: InMemoryWorld,
  step: 'first_review' | 'secrecy_review' | 'approval',
  content?: SubmissionInput,
) {
  const { id } = await register(world, content);
  await sendForReview(world.proactiveDeps, author, AGENCY, id, cst(TODAY));
  const deps: ProactiveDeps = world.proactiveDeps;
  if (step === 'first_review') return id;
  await reviewSubmission(
    deps,
    reviewer,
    AGENCY,
    id,
    { step: 'first_review', verdict: 'approve', opinion: '同意' },
    cst(TODAY),
  );
  await reviewSubmission(
    deps,
    second,
    AGENCY,
    id,
    { step: 'second_review', verdict: 'approve', opinion: '同意' },
    cst(TODAY),
  );
  if (step === 'secrecy_review') return id;
  await reviewSubmission(
    deps,
    secrecyReviewer,
    AGENCY,
    id,
    {
      step: 'secrecy_review',
      verdict: 'approve',
      opinion: '遮盖手机号码',
      secrecy: { ...clear, risks: { ...clear.risks, personal_privacy: 'present' }, outcome: 'redact' },
      redacted: {
        body: '联系人：×××',
        attachments: [{ uploadKey: world.uploads.put(anUploadKey(9)), name: '公开版.pdf' }],
      },
    },
    cst(TODAY),
  );
  return id;
}

/** 终审, by the approver: it publishes the item. */
const finalApproval = (world: InMemoryWorld, id: string) =>
  reviewSubmission(
    world.proactiveDeps,
    approver,
    AGENCY,
    id,
    { step: 'approval', verdict: 'approve', opinion: '同意' },
    cst(TODAY),
  );

describe('who is offered the review form', () => {
  it('the author, though they hold the step’s role, is told why and offered no form', async () => {
    const { world, pages } = await aWorld();
    const id = await atStep(world, 'first_review');
    const page = html(
      await pages['GET /console/reviews/{submissionId}'](request(author, { submissionId: id })),
    );
    expect(page.status).toBe(200);
    expect(page.body).toContain('本人不能审核自己的稿件');
    expect(page.body).not.toContain('name="verdict"');
    expect(page.body).not.toContain(`action="/console/reviews/${id}"`);
  });

  it('a reviewer of the step is offered the form, with the step it signs', async () => {
    const { world, pages } = await aWorld();
    const id = await atStep(world, 'first_review');
    const page = html(
      await pages['GET /console/reviews/{submissionId}'](request(reviewer, { submissionId: id })),
      reviewer,
    );
    expect(page.body).toContain(`action="/console/reviews/${id}"`);
    expect(page.body).toContain('<input type="hidden" name="step" value="first_review"/>');
    expect(page.body).toContain('name="verdict" value="return"');
    // No secrecy checklist outside the secrecy review.
    expect(page.body).not.toContain('name="risk-state_secret"');
  });

  it('a form posted by the author anyway is refused with a page (403) saying why, and changes nothing', async () => {
    const { world, pages } = await aWorld();
    const id = await atStep(world, 'first_review');
    const answer = await pages['POST /console/reviews/{submissionId}'](
      request(
        author,
        { submissionId: id },
        { form: formOf({ step: 'first_review', verdict: 'approve', opinion: '同意' }) },
      ),
    );
    const page = html(answer);
    expect(page.status).toBe(403);
    expect(page.body).toContain('本人不能审核自己的稿件');
    expect((await getSubmission(world.proactiveDeps, AGENCY, id)).signatures).toEqual([]);
  });

  it('a form for a step the item has left answers 409 with where it stands now', async () => {
    const { world, pages } = await aWorld();
    const id = await atStep(world, 'secrecy_review');
    const answer = await pages['POST /console/reviews/{submissionId}'](
      request(
        reviewer,
        { submissionId: id },
        { form: formOf({ step: 'first_review', verdict: 'approve', opinion: '同意' }) },
      ),
    );
    const page = html(answer, reviewer);
    expect(page.status).toBe(409);
    expect(page.body).toContain('稿件已有变化');
    expect(page.body).toContain('审核中：待保密审查');
  });
});

describe('the secrecy review page', () => {
  it('lists every risk of the checklist with three answers, the outcome, and the text to redact filled in', async () => {
    const { world, pages } = await aWorld();
    const id = await atStep(world, 'secrecy_review', aSubmission({ body: '联系人张三，电话13912345678。' }));
    const page = html(
      await pages['GET /console/reviews/{submissionId}'](request(secrecyReviewer, { submissionId: id })),
      secrecyReviewer,
    );
    for (const risk of SECRECY_RISKS)
      for (const answer of ['none', 'present', 'unsure'])
        expect(page.body).toContain(`name="risk-${risk}" value="${answer}"`);
    for (const outcome of ['clear', 'redact', 'refer_upward'])
      expect(page.body).toContain(`name="outcome" value="${outcome}"`);
    expect(page.body).toMatch(/<textarea id="f-redactedBody"[^>]*>联系人张三，电话13912345678。<\/textarea>/);
    expect(page.body).toContain('enctype="multipart/form-data"');
  });

  it('an unsure risk approved is answered again (422) with the rule in words and every answer kept', async () => {
    const { world, pages } = await aWorld();
    const id = await atStep(world, 'secrecy_review');
    const fields = {
      step: 'secrecy_review',
      verdict: 'approve',
      opinion: '不确定是否涉及工作秘密',
      outcome: 'clear',
      ...Object.fromEntries(
        SECRECY_RISKS.map((risk) => [`risk-${risk}`, risk === 'work_secret' ? 'unsure' : 'none']),
      ),
    };
    const page = html(
      await pages['POST /console/reviews/{submissionId}'](
        request(secrecyReviewer, { submissionId: id }, { form: formOf(fields) }),
      ),
      secrecyReviewer,
    );
    expect(page.status).toBe(422);
    expect(page.body).toContain('须选择“报上级确定”并退回');
    expect(page.body).toMatch(/name="risk-work_secret" value="unsure" checked/);
    expect(page.body).toContain('不确定是否涉及工作秘密</textarea>');
  });

  it('the final approval shows the redacted version that will be published, and its files', async () => {
    const { world, pages } = await aWorld();
    const id = await atStep(world, 'approval');
    const page = html(
      await pages['GET /console/reviews/{submissionId}'](request(approver, { submissionId: id })),
      approver,
    );
    expect(page.body).toContain('保密审查后的公开版本');
    expect(page.body).toContain('联系人：×××');
    expect(page.body).toContain(`href="/console/submissions/${id}/files/redacted-1"`);
    expect(page.body).toContain('终审同意后，信息立即在政府信息公开目录中发布');
    expect(page.body).toContain('删除、遮盖后公开');
  });
});

describe('the editor', () => {
  it('answers a form with mistakes again (422), the summary linking to each field, the input kept', async () => {
    const { pages } = await aWorld();
    const answer = await pages['POST /console/submissions/new'](
      request(
        author,
        {},
        {
          form: formOf({
            title: ' ',
            body: '正文保留',
            attribute: 'proactive',
            audience: 'public',
            display: 'until',
            formedOn: '2026-02-30',
          }),
        },
      ),
    );
    const page = html(answer);
    expect(page.status).toBe(422);
    expect(page.body).toContain('<a href="#f-title">请填写“标题”</a>');
    expect(page.body).toContain('<a href="#f-category">请选择“类别”</a>');
    expect(page.body).toContain('<a href="#f-formedOn">“成文日期”须为存在的日期</a>');
    expect(page.body).toContain('<a href="#f-displayEndsOn">请填写“公开截止日期”</a>');
    expect(page.body).toContain('>正文保留</textarea>');
    expect(page.body).toContain('name="display" value="until" checked');
  });

  it('offers the editor and the request for review to a clerk, and to a reviewer only the document', async () => {
    const { world, pages } = await aWorld();
    const { id } = await register(world);
    const asClerk = html(
      await pages['GET /console/submissions/{submissionId}'](request(author, { submissionId: id })),
    );
    expect(asClerk.body).toContain(`action="/console/submissions/${id}"`);
    expect(asClerk.body).toContain(`action="/console/submissions/${id}/review-request"`);
    expect(asClerk.body).toContain('<input type="hidden" name="version" value="1"/>');
    const asReviewer = html(
      await pages['GET /console/submissions/{submissionId}'](request(reviewer, { submissionId: id })),
      reviewer,
    );
    expect(asReviewer.body).not.toContain('<form method="post"');
    expect(asReviewer.body).toContain('稿件内容');
  });

  it('says before sending what the chain would return it for at once (退文)', async () => {
    const { world, pages } = await aWorld();
    const { id } = await register(world, aSubmission({ attribute: 'not_disclosed', audience: 'public' }));
    const page = html(
      await pages['GET /console/submissions/{submissionId}'](request(author, { submissionId: id })),
    );
    expect(page.body).toContain('送审后将被自动退回');
    expect(page.body).toContain('须说明法律依据和理由');
  });

  it('a save at an older version than the one kept is answered 409, with the person’s input kept', async () => {
    const { world, pages } = await aWorld();
    const { id } = await register(world);
    const page = html(
      await pages['POST /console/submissions/{submissionId}'](
        request(author, { submissionId: id }, { form: formOf({ version: '0', title: '我的修改' }) }),
      ),
    );
    expect(page.status).toBe(409);
    expect(page.body).toContain('其他人修改了这份稿件');
    expect(page.body).toContain('value="我的修改"');
    expect(page.body).toContain('<input type="hidden" name="version" value="1"/>');
  });

  it('another agency’s submission is not found, for every page of it', async () => {
    const { world, pages } = await aWorld();
    const { id } = await register(world);
    await expect(
      pages['GET /console/submissions/{submissionId}'](request(stranger, { submissionId: id })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      pages['GET /console/reviews/{submissionId}'](request(stranger, { submissionId: id })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      submissionFileUrl(world.proactiveDeps, 'ag-other', id, { kind: 'attachment', number: 1 }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the lists', () => {
  it('export CSV with a byte-order mark, the catalogue’s words and cells a spreadsheet would run made safe', async () => {
    const { world, pages } = await aWorld();
    await register(world, aSubmission({ title: '=HYPERLINK("http://x")' }));
    const answer = await pages['GET /console/submissions'](
      request(author, {}, { query: { state: 'draft', format: 'csv' } }),
    );
    if (answer.kind !== 'download') throw new Error('not a download');
    expect(answer.contentType).toBe('text/csv; charset=utf-8');
    expect(answer.body.startsWith('\uFEFF"标题","文号","类别"')).toBe(true);
    expect(answer.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(answer.body).toContain('"国民经济和社会发展规划、专项规划、区域规划及相关政策"');
    expect(answer.body).toContain('"草稿"');
  });

  it('name the step an item waits at, and a state no list has is not found', async () => {
    const { world, pages } = await aWorld();
    await atStep(world, 'first_review');
    const page = html(
      await pages['GET /console/submissions'](
        request(author, {}, { query: { state: 'review-first_review' } }),
      ),
    );
    expect(page.body).toContain('<span class="tag blue">审核中：待初审</span>');
    await expect(
      pages['GET /console/submissions'](request(author, {}, { query: { state: 'nonsense' } })),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it('the review queue marks what the person may not sign, and why', async () => {
    const { world, pages } = await aWorld();
    await atStep(world, 'first_review');
    const page = html(
      await pages['GET /console/reviews'](request(author, {}, { query: { step: 'first_review' } })),
    );
    expect(page.body).toContain('本人登记，不能审核');
    const mine = html(await pages['GET /console/reviews'](request(reviewer, {}, {})), reviewer);
    expect(mine.body).toContain('可以审核');
  });
});

describe('review refusals (domain)', () => {
  it('name each reason a person may not sign the waiting step', async () => {
    const { world } = await aWorld();
    const id = await atStep(world, 'secrecy_review');
    const submission = await getSubmission(world.proactiveDeps, AGENCY, id);
    expect(reviewRefusal(submission, secrecyReviewer)).toBeUndefined();
    expect(reviewRefusal(submission, approver)).toBe('role');
    expect(reviewRefusal(submission, author)).toBe('own_submission');
    const both = aPrincipal(['reviewer', 'secrecy_reviewer'], { staffId: reviewer.staffId });
    expect(reviewRefusal(submission, both)).toBe('signed_another_step');
    const { id: draft } = await register(world);
    expect(reviewRefusal(await getSubmission(world.proactiveDeps, AGENCY, draft), reviewer)).toBe(
      'not_in_review',
    );
  });
});

describe('periodic obligations', () => {
  it('a period is the month, quarter or year a day falls in', () => {
    expect(periodOf('monthly', '2026-02-10')).toEqual({
      period: '2026-02',
      startsOn: '2026-02-01',
      closesOn: '2026-02-28',
    });
    expect(periodOf('quarterly', '2026-11-05')).toEqual({
      period: '2026-Q4',
      startsOn: '2026-10-01',
      closesOn: '2026-12-31',
    });
    expect(periodOf('yearly', '2026-06-30')).toEqual({
      period: '2026',
      startsOn: '2026-01-01',
      closesOn: '2026-12-31',
    });
  });

  it('each period is due its working days after it closes, as the sweep counts; none before the declaration', () => {
    const periods = obligationPeriods(
      { cadence: 'monthly', publishWithinWorkingDays: 10, declaredOn: '2026-08-15' },
      '2026-10-12',
      calendar,
      3,
    );
    // September closes on the 30th; 1–8 October are the National Day holiday, the 10th is worked (调休).
    expect(periods.map((period) => [period.period, period.closesOn, period.dueDate])).toEqual([
      ['2026-10', '2026-10-31', calendar.addWorkingDays('2026-10-31', 10).dueDate],
      ['2026-09', '2026-09-30', calendar.addWorkingDays('2026-09-30', 10).dueDate],
      ['2026-08', '2026-08-31', '2026-09-14'],
    ]);
  });

  it('a period stands published, open, due or overdue', () => {
    const period = { closesOn: '2026-09-30', dueDate: '2026-10-23' };
    expect(periodStanding(period, '2026-09-20', false)).toBe('open');
    expect(periodStanding(period, '2026-10-12', false)).toBe('due');
    expect(periodStanding(period, '2026-10-24', false)).toBe('overdue');
    expect(periodStanding(period, '2026-10-24', true)).toBe('published');
  });

  it('the schedule says which period was fulfilled, by which publication', async () => {
    const obligation = {
      id: 'ob_monthly1',
      title: '财政收支月报',
      category: 'budgets',
      cadence: 'monthly' as const,
      publishWithinWorkingDays: 10,
      declaredOn: '2026-07-01',
    };
    const { world } = await aWorld(anAgency({ obligations: [obligation] }));
    const id = await atStep(
      world,
      'approval',
      aSubmission({ category: 'budgets', periodic: { obligationId: 'ob_monthly1', period: '2026-09' } }),
    );
    const published = await finalApproval(world, id);
    const schedule = await obligationSchedule(world.proactiveDeps, AGENCY, TODAY);
    const periods = schedule.obligations[0]?.periods ?? [];
    expect(periods.map((period) => [period.period, period.standing])).toEqual([
      ['2026-10', 'open'],
      ['2026-09', 'published'],
      ['2026-08', 'overdue'],
      ['2026-07', 'overdue'],
    ]);
    expect(periods[1]?.publication?.publicationId).toBe(published.publicationId);
  });
});

describe('the area in the console’s frame', () => {
  it('marks 主动公开 as the current section on every page of the area', () => {
    for (const path of [
      '/console/submissions/new',
      '/console/reviews/sub_0123456789ab',
      '/console/publications',
      '/console/obligations',
    ])
      expect(currentSection(path)?.href, path).toBe('/console/submissions');
    expect(currentSection('/console')?.href).toBe('/console');
  });

  it('says an item past its publication deadline is overdue, in words', async () => {
    const { world, pages } = await aWorld();
    await register(world, aSubmission({ formedOn: '2026-08-03' }));
    const page = html(
      await pages['GET /console/submissions'](request(author, {}, { query: { state: 'draft' } })),
    );
    expect(page.body).toContain('<span class="tag red">已逾期</span>');
  });

  it('gives the agency’s own staff a publication’s files, and nobody else', async () => {
    const { world } = await aWorld();
    const id = await atStep(
      world,
      'approval',
      aSubmission({ attachments: [{ uploadKey: world.uploads.put(anUploadKey(3)), name: '原件.pdf' }] }),
    );
    const { publicationId } = await finalApproval(world, id);
    if (publicationId === null) throw new Error('published');
    // The redacted version is what was published: its file, not the original's.
    expect(
      await agencyPublicationFileUrl(world.proactiveDeps, AGENCY, publicationId, {
        kind: 'attachment',
        number: 1,
      }),
    ).toBe(
      `https://uploads.test/kept/${anUploadKey(9).slice('incoming/'.length)}?name=${encodeURIComponent('公开版.pdf')}`,
    );
    await expect(
      agencyPublicationFileUrl(world.proactiveDeps, 'ag-other', publicationId, {
        kind: 'attachment',
        number: 1,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
