import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateOf } from '#lib/domain/china-time';
import { aDocument, aNewAgency, aPublishedDocument, aStaffMember, api, localCloud } from '#test/support/api';
import { checkPage, launchBrowser, newPerson, screenshots } from '#test/support/browser';
import { staffAtConsole, type StaffAtConsole } from '#test/support/console';

/**
 * The console's proactive disclosure (主动公开) as the people of one agency use it, each in a browser of
 * their own and signed in at once: a clerk writes a draft with a file in the editor and sends it; 初审, 复审,
 * the secrecy review (with a redaction) and 终审 are signed by four other people, and the publication
 * appears in the public reading room in its redacted version. The author — who also holds every reviewing
 * role — is refused at every step: offered no form, and a form posted anyway answered by a page (403).
 * Beside it: another agency's records answer 404, two browsers editing one draft (the second is told),
 * a withdrawal, forms answered again with the input kept, the lists' CSV, and the obligations.
 */
let browser: Browser;
let agencyId: string;
let people: Record<'author' | 'reviewer' | 'second' | 'secrecy' | 'approver' | 'clerk' | 'admin', Staff>;
type Staff = Awaited<ReturnType<typeof aStaffMember>>;
const open: StaffAtConsole[] = [];
const base = () => localCloud().baseUrl;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ agencyId } = await aNewAgency());
  const [author, reviewer, second, secrecy, approver, clerk, admin] = await Promise.all([
    // The author holds every role that signs a step: the separation of duties must still refuse them.
    aStaffMember(agencyId, ['clerk', 'reviewer', 'secrecy_reviewer', 'approver']),
    aStaffMember(agencyId, ['reviewer']),
    aStaffMember(agencyId, ['reviewer']),
    aStaffMember(agencyId, ['secrecy_reviewer']),
    aStaffMember(agencyId, ['approver']),
    aStaffMember(agencyId, ['clerk']),
    aStaffMember(agencyId, ['agency_admin']),
  ]);
  people = { author, reviewer, second, secrecy, approver, clerk, admin };
}, 180_000);
afterAll(async () => {
  await Promise.all(open.map((person) => person.context.close()));
  await browser.close();
});

const WALK_MS = 300_000;

async function signedIn(email: string, startAt = '/console', javaScript = false): Promise<StaffAtConsole> {
  const person = await staffAtConsole(browser, email, { startAt, javaScript });
  open.push(person);
  return person;
}

/** Every page visited: axe-core and 320 px; each console page kept as screenshots. */
async function looked(page: Page, name?: string): Promise<void> {
  await checkPage(page);
  if (name !== undefined) await screenshots(page, `console-proactive-${name}`);
}

const idOf = (page: Page): string => {
  const match = /\/console\/submissions\/(sub_[0-9a-f]{12})/.exec(page.url());
  if (match?.[1] === undefined) throw new Error(`not a submission page: ${page.url()}`);
  return match[1];
};

/** A form posted by hand from the person's browser (their cookies, their form token): a forgery of the page. */
async function forgedPost(page: Page, path: string, fields: Record<string, string>) {
  const csrf = await page.locator('input[name=_csrf]').first().inputValue();
  return page.request.post(`${base()}${path}`, {
    form: { _csrf: csrf, ...fields },
    headers: { origin: base() },
    maxRedirects: 0,
  });
}

const ORIGINAL_BODY = '经研究，同意对人民路进行维修。联系人：张三，电话13912345678。\n\n维修期间请绕行。';
const REDACTED_BODY = '经研究，同意对人民路进行维修。联系人：×××，电话×××。\n\n维修期间请绕行。';

describe('a draft through the review chain to the reading room', () => {
  it(
    'written in the editor with a file, signed by four people in their own browsers, the secrecy review redacting it; the author is refused at every step',
    async () => {
      const author = await signedIn(people.author.email, '/console/submissions');
      const { page } = author;
      await looked(page, 'submissions');
      await page.getByRole('link', { name: '新建稿件' }).first().click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/console/submissions/new');
      await looked(page, 'editor-new');

      // A form with mistakes: answered again (422) with what was typed kept.
      await page.getByLabel('正文', { exact: true }).fill(ORIGINAL_BODY);
      await page.getByLabel('文号', { exact: false }).fill('示交发〔2026〕7号');
      const refused = page.waitForResponse((response) => response.request().method() === 'POST');
      await page.getByRole('button', { name: '保存草稿' }).click();
      expect((await refused).status()).toBe(422);
      await expect.poll(() => page.title()).toContain('错误');
      expect(await page.locator('.error-summary').innerText()).toContain('请填写“标题”');
      expect(await page.locator('.error-summary').innerText()).toContain('请选择“类别”');
      expect(await page.getByLabel('正文', { exact: true }).inputValue()).toBe(ORIGINAL_BODY);
      expect(await page.locator('input[name=documentNumber]').inputValue()).toBe('示交发〔2026〕7号');
      await looked(page, 'editor-errors');

      await page.getByLabel('标题', { exact: true }).fill('关于人民路维修期间交通组织的通告');
      await page.getByLabel('类别').selectOption('public_welfare');
      await page.getByLabel('成文日期').fill('2026-11-27');
      await page.locator('input[name=attribute][value=proactive]').check();
      await page.locator('input[name=audience][value=public]').check();
      await page.locator('input[name=attachments]').setInputFiles({
        name: '绕行示意图（含联系人）.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4 原件：联系人张三 13912345678'),
      });
      await page.getByRole('button', { name: '保存草稿' }).click();
      await expect.poll(() => page.url()).toContain('done=created');
      const id = idOf(page);
      expect(await page.locator('.notice.success').innerText()).toContain('草稿已保存');
      expect(await page.locator('.files').innerText()).toContain('绕行示意图（含联系人）.pdf');
      await looked(page, 'draft');

      await page.getByRole('button', { name: '送审' }).click();
      await expect.poll(() => page.url()).toContain('done=sent');
      expect(await page.locator('.tag').first().innerText()).toBe('审核中：待初审');
      await looked(page, 'sent');

      /** The author at the review page of the step now: told why, no form; a forged form refused. */
      const authorIsRefused = async (step: string, shot?: string) => {
        await page.goto(`${base()}/console/reviews/${id}`);
        await expect.poll(() => page.locator('h1').innerText()).toContain(step);
        expect(await page.locator('.notice').allInnerTexts()).toEqual(
          expect.arrayContaining([expect.stringContaining('本人不能审核自己的稿件')]),
        );
        expect(await page.getByRole('button', { name: '签署' }).count()).toBe(0);
        await looked(page, shot);
        const stepId = {
          初审: 'first_review',
          复审: 'second_review',
          保密审查: 'secrecy_review',
          终审: 'approval',
        }[step];
        const forged = await forgedPost(page, `/console/reviews/${id}`, {
          step: stepId ?? step,
          verdict: 'approve',
          opinion: '同意',
          'risk-state_secret': 'none',
          'risk-work_secret': 'none',
          'risk-commercial_secret': 'none',
          'risk-personal_privacy': 'none',
          'risk-security_stability': 'none',
          outcome: 'clear',
        });
        expect(forged.status()).toBe(403);
        expect(forged.headers()['content-type']).toContain('text/html');
        expect(await forged.text()).toContain('本人不能审核自己的稿件');
      };
      await authorIsRefused('初审', 'review-refused');

      // 初审 and 复审: two reviewers, each in their own browser.
      for (const [who, step] of [
        [people.reviewer, '初审'],
        [people.second, '复审'],
      ] as const) {
        const reviewer = await signedIn(who.email, '/console/reviews');
        await looked(reviewer.page, step === '初审' ? 'reviews' : undefined);
        await reviewer.page.getByRole('link', { name: '关于人民路维修期间交通组织的通告' }).click();
        await expect.poll(() => reviewer.page.locator('h1').innerText()).toContain(step);
        expect(await reviewer.page.locator('.files').first().innerText()).toContain('绕行示意图');
        if (step === '初审') {
          // The file opens through the console: the very bytes the clerk attached.
          const href = await reviewer.page
            .getByRole('link', { name: '绕行示意图（含联系人）.pdf' })
            .getAttribute('href');
          const file = await reviewer.page.request.get(`${base()}${href ?? ''}`);
          expect(file.status()).toBe(200);
          expect((await file.body()).toString()).toBe('%PDF-1.4 原件：联系人张三 13912345678');
        }
        await looked(reviewer.page, step === '初审' ? 'review-first' : undefined);
        await reviewer.page.locator('input[name=verdict][value=approve]').check();
        await reviewer.page.getByRole('textbox', { name: '审核意见' }).fill(`${step}同意。`);
        await reviewer.page.getByRole('button', { name: '签署' }).click();
        await expect.poll(() => reviewer.page.url()).toContain('done=approved');
        await looked(reviewer.page);
        if (step === '初审') await authorIsRefused('复审');
      }
      await authorIsRefused('保密审查');

      // The secrecy review: the checklist, each risk answered; a risk present cannot be cleared (422, kept).
      const secrecy = await signedIn(people.secrecy.email, `/console/reviews/${id}`);
      const sp = secrecy.page;
      await expect.poll(() => sp.locator('h1').innerText()).toContain('保密审查');
      for (const risk of ['state_secret', 'work_secret', 'commercial_secret', 'security_stability'])
        await sp.locator(`input[name=risk-${risk}][value=none]`).check();
      await sp.locator('input[name=risk-personal_privacy][value=present]').check();
      await sp.locator('input[name=outcome][value=clear]').check();
      await sp.locator('input[name=verdict][value=approve]').check();
      await sp.getByRole('textbox', { name: '审核意见' }).fill('含联系人手机号码，已遮盖。');
      const unresolved = sp.waitForResponse((response) => response.request().method() === 'POST');
      await sp.getByRole('button', { name: '签署' }).click();
      expect((await unresolved).status()).toBe(422);
      expect(await sp.locator('.error-summary').innerText()).toContain('不能结论为“不涉密”');
      expect(await sp.locator('input[name=risk-personal_privacy][value=present]').isChecked()).toBe(true);
      expect(await sp.getByRole('textbox', { name: '审核意见' }).inputValue()).toBe(
        '含联系人手机号码，已遮盖。',
      );
      await looked(sp, 'secrecy-errors');
      await sp.locator('input[name=outcome][value=redact]').check();
      await sp.getByLabel('公开版本的正文').fill(REDACTED_BODY);
      await sp.locator('input[name=redactedFiles]').setInputFiles({
        name: '绕行示意图（公开版）.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4 公开版：联系人×××'),
      });
      await sp.getByRole('button', { name: '签署' }).click();
      await expect.poll(() => sp.url()).toContain('done=approved');
      await looked(sp);
      await authorIsRefused('终审');

      // 终审 publishes; the approver sees the redacted version first.
      const approver = await signedIn(people.approver.email, `/console/reviews/${id}`);
      const ap = approver.page;
      await expect.poll(() => ap.locator('h1').innerText()).toContain('终审');
      expect(await ap.locator('#redacted-title').count()).toBe(1);
      expect(await ap.locator('section.panel').innerText()).toContain('绕行示意图（公开版）.pdf');
      const opinions = await ap.locator('.timeline').innerText();
      for (const said of ['初审同意。', '复审同意。', '含联系人手机号码，已遮盖。', '删除、遮盖后公开'])
        expect(opinions).toContain(said);
      await looked(ap, 'review-final');
      await ap.locator('input[name=verdict][value=approve]').check();
      await ap.getByRole('textbox', { name: '审核意见' }).fill('同意发布。');
      await ap.getByRole('button', { name: '签署' }).click();
      await expect.poll(() => ap.url()).toContain('done=published');
      expect(await ap.locator('.notice.success').innerText()).toContain('信息已发布');
      await looked(ap, 'publication');
      // The console's page of it gives its files as published: the redacted one.
      const published = await ap.getByRole('link', { name: '绕行示意图（公开版）.pdf' }).getAttribute('href');
      expect((await (await ap.request.get(`${base()}${published ?? ''}`)).body()).toString()).toBe(
        '%PDF-1.4 公开版：联系人×××',
      );
      const publicationId = /\/console\/publications\/(pub_[0-9a-f]{12})/.exec(ap.url())?.[1];
      expect(publicationId).toBeDefined();

      // After publication the author's review page offers nothing, and a forged form is still a page.
      await page.goto(`${base()}/console/reviews/${id}`);
      expect(await page.getByRole('button', { name: '签署' }).count()).toBe(0);
      await looked(page);

      // The public reading room: the list and the publication, in its redacted version only.
      const citizen = await newPerson(browser, { javaScript: false });
      const reader = await citizen.newPage();
      await reader.goto(`${base()}/agencies/${agencyId}/publications`);
      await reader.getByRole('link', { name: '关于人民路维修期间交通组织的通告' }).click();
      await expect.poll(() => reader.url()).toContain(`/publications/${publicationId}`);
      const text = await reader.locator('main').innerText();
      expect(text).toContain('联系人：×××');
      expect(text).not.toContain('13912345678');
      expect(text).toContain('绕行示意图（公开版）.pdf');
      expect(text).not.toContain('绕行示意图（含联系人）.pdf');
      await checkPage(reader);
      await reader.goto(`${base()}/agencies/${agencyId}/publications`);
      await checkPage(reader);
      await citizen.close();
    },
    WALK_MS,
  );
});

describe('around the walk', () => {
  it(
    'staff of another agency get the 404 page for this agency’s submission, review, file and publication, and none of their data',
    async () => {
      const created = await api('POST', `/v1/agencies/${agencyId}/submissions`, {
        token: people.clerk.token,
        body: aDocument({ title: '本机关内部稿件标题甲乙丙', attachments: [] }),
      });
      expect(created.status, created.text).toBe(201);
      const { publicationId } = await aPublishedDocument(
        agencyId,
        aDocument({ title: '他机关不可见的已发布信息' }),
      );
      const other = await aNewAgency();
      const stranger = await aStaffMember(other.agencyId, ['clerk', 'reviewer', 'approver']);
      const { page } = await signedIn(stranger.email);
      for (const path of [
        `/console/submissions/${created.json.id}`,
        `/console/reviews/${created.json.id}`,
        `/console/submissions/${created.json.id}/files/attachment-1`,
        `/console/publications/${publicationId}`,
        `/console/publications/${publicationId}/files/1`,
      ]) {
        const response = await page.goto(`${base()}${path}`);
        expect(response?.status(), path).toBe(404);
        const html = await page.content();
        expect(html).not.toContain('本机关内部稿件标题甲乙丙');
        expect(html).not.toContain('他机关不可见的已发布信息');
      }
      await looked(page, 'not-found');
    },
    WALK_MS,
  );

  it(
    'two browsers edit the same draft: the second save is told (409), with what is saved now and its own input kept',
    async () => {
      const created = await api('POST', `/v1/agencies/${agencyId}/submissions`, {
        token: people.clerk.token,
        body: aDocument({ title: '关于公共自行车站点调整的公告' }),
      });
      expect(created.status, created.text).toBe(201);
      const path = `/console/submissions/${created.json.id}`;
      const [first, second] = await Promise.all([
        signedIn(people.clerk.email, path),
        signedIn(people.author.email, path),
      ]);
      await first.page.getByLabel('标题', { exact: true }).fill('关于公共自行车站点调整的公告（修订）');
      await second.page.getByLabel('标题', { exact: true }).fill('关于公共自行车站点调整的公告（另一修订）');
      await first.page.getByRole('button', { name: '保存修改' }).click();
      await expect.poll(() => first.page.url()).toContain('done=saved');
      await looked(first.page, 'draft-saved');

      const conflict = second.page.waitForResponse((response) => response.request().method() === 'POST');
      await second.page.getByRole('button', { name: '保存修改' }).click();
      expect((await conflict).status()).toBe(409);
      const notice = await second.page.locator('.notice.warning').first().innerText();
      expect(notice).toContain('其他人修改了这份稿件');
      expect(await second.page.getByLabel('标题', { exact: true }).inputValue()).toBe(
        '关于公共自行车站点调整的公告（另一修订）',
      );
      expect(await second.page.locator('details').textContent()).toContain(
        '关于公共自行车站点调整的公告（修订）',
      );
      await looked(second.page, 'draft-conflict');
      // Saved again knowingly, it goes through.
      await second.page.getByRole('button', { name: '保存修改' }).click();
      await expect.poll(() => second.page.url()).toContain('done=saved');
      expect(await second.page.locator('h1').innerText()).toBe('关于公共自行车站点调整的公告（另一修订）');
    },
    WALK_MS,
  );

  it(
    'an approver withdraws a publication: the reason and the confirmation are required (422, input kept), then it is withdrawn for the public too',
    async () => {
      const { publicationId } = await aPublishedDocument(
        agencyId,
        aDocument({ title: '关于临时停水的通知' }),
      );
      const { page } = await signedIn(people.approver.email, '/console/publications');
      await looked(page, 'publications');
      await page.getByRole('link', { name: '关于临时停水的通知' }).click();
      await expect.poll(() => page.url()).toContain(`/console/publications/${publicationId}`);
      await page.getByLabel('撤回的法律依据').fill('《政府信息公开条例》第二十条');
      const refused = page.waitForResponse((response) => response.request().method() === 'POST');
      await page.getByRole('button', { name: '撤回', exact: true }).click();
      expect((await refused).status()).toBe(422);
      const summary = await page.locator('.error-summary').innerText();
      expect(summary).toContain('请填写“撤回理由”');
      expect(summary).toContain('请勾选确认撤回');
      expect(await page.getByLabel('撤回的法律依据').inputValue()).toBe('《政府信息公开条例》第二十条');
      await looked(page, 'withdrawal-errors');
      await page.getByLabel('撤回理由').fill('停水已结束，通知内容已不再适用。');
      await page.getByLabel('我确认撤回该信息').check();
      await page.getByRole('button', { name: '撤回', exact: true }).click();
      await expect.poll(() => page.url()).toContain('done=withdrawn');
      expect(await page.locator('main').innerText()).toContain('该信息已撤回');
      expect(await page.getByRole('button', { name: '撤回', exact: true }).count()).toBe(0);
      await looked(page, 'withdrawn');
      const publicPage = await page.request.get(`${base()}/publications/${publicationId}`);
      expect(publicPage.status()).toBe(410);

      // A clerk is offered no withdrawal, and a forged one is refused with a page.
      const clerk = await signedIn(people.clerk.email, `/console/publications/${publicationId}`);
      expect(await clerk.page.getByRole('button', { name: '撤回', exact: true }).count()).toBe(0);
      const forged = await forgedPost(clerk.page, `/console/publications/${publicationId}/withdrawal`, {
        reason: '伪造',
        confirm: 'yes',
      });
      expect(forged.status()).toBe(403);
    },
    WALK_MS,
  );

  it(
    'the lists export CSV for a spreadsheet, and the obligations say what is due when (with JavaScript on)',
    async () => {
      const declared = await api('POST', `/v1/agencies/${agencyId}/periodic-obligations`, {
        token: people.admin.token,
        body: {
          version: (
            await api('GET', `/v1/agencies/${agencyId}/periodic-obligations`, { token: people.admin.token })
          ).json.version,
          title: '财政收支月报',
          category: 'budgets',
          cadence: 'monthly',
          publishWithinWorkingDays: 10,
        },
      });
      expect(declared.status, declared.text).toBe(201);
      const { page } = await signedIn(people.clerk.email, '/console/obligations', true);
      const text = await page.locator('main').innerText();
      expect(text).toContain('财政收支月报');
      expect(text).toContain(chinaDateOf(new Date()).slice(0, 7));
      expect(text).toContain('本期进行中');
      await looked(page, 'obligations');

      const csv = await page.request.get(`${base()}/console/submissions?state=draft&format=csv`);
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toContain('text/csv');
      expect(csv.headers()['content-disposition']).toContain('attachment');
      const body = await csv.text();
      expect(body.charCodeAt(0)).toBe(0xfeff);
      expect(body).toContain('关于公共自行车站点调整的公告');
      await page.goto(`${base()}/console/submissions?state=review-first_review`);
      await looked(page);
    },
    WALK_MS,
  );
});
