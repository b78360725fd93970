import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#lib/domain/calendar/civil-date';
import { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import {
  aDocument,
  aNewAgency,
  anApplicant,
  api,
  aRegisteredApplication,
  aStaffMember,
  localCloud,
  uniqueId,
} from '#test/support/api';
import { checkPage, launchBrowser, screenshots } from '#test/support/browser';
import { demoEmail, signIn, staffAtConsole, type StaffAtConsole } from '#test/support/console';

/**
 * The console's Today (待办), administration (agency_admin) and platform (platform_admin) pages, in
 * Chromium with JavaScript off, several people signed in at once, each on an agency of this file's own:
 * an administrator opens an account for a clerk, who signs in and works; roles changed and an account
 * disabled bite at the person's next click (a page they already have open, a form they post); Today
 * shows each person what waits for them; the platform administrator creates an agency under another.
 */

const WALK_MS = 300_000;
const base = () => localCloud().baseUrl;
let browser: Browser;
const people: StaffAtConsole[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  for (const person of people) await person.context.close().catch(() => undefined);
  await browser.close();
});

async function person(email: string, startAt = '/console'): Promise<StaffAtConsole> {
  const signedIn = await staffAtConsole(browser, email, { startAt });
  people.push(signedIn);
  return signedIn;
}

/** Runs `act` (a click, a submit) and returns the page it ends on (after any 303), loaded. */
async function landing(page: Page, act: () => Promise<unknown>): Promise<Response> {
  const response = page.waitForResponse(
    (r) =>
      r.request().isNavigationRequest() &&
      r.request().frame() === page.mainFrame() &&
      (r.status() < 300 || r.status() >= 400),
  );
  await act();
  const answer = await response;
  await page.waitForLoadState('load');
  return answer;
}

/** Opens `path` and returns its answer. */
async function open(page: Page, path: string): Promise<Response> {
  const response = await page.goto(`${base()}${path}`);
  if (response === null) throw new Error(`no answer for ${path}`);
  return response;
}

/** Posts a form as the person's browser would (their cookies, the page's form token), without a page. */
async function postAs(context: BrowserContext, page: Page, path: string, fields: Record<string, string>) {
  const csrf = (await page.locator('input[name=_csrf]').first().getAttribute('value')) ?? '';
  return context.request.post(`${base()}${path}`, {
    form: { _csrf: csrf, ...fields },
    headers: { origin: base() },
    maxRedirects: 0,
  });
}

const heading = (page: Page) => page.locator('h1').first().innerText();
const navLinks = async (page: Page) => page.locator('.site-nav a').allInnerTexts();

describe('administration: staff accounts, and changes that bite at the next click', () => {
  it(
    'the administrator invites a clerk; roles changed and the account disabled apply at the clerk’s next click',
    async () => {
      const agency = await aNewAgency();
      const other = await aNewAgency();
      const [adminAccount, stranger] = await Promise.all([
        aStaffMember(agency.agencyId, ['agency_admin']),
        aStaffMember(other.agencyId, ['clerk']),
      ]);

      // The administrator, at the administration page.
      const admin = await person(adminAccount.email, '/console/admin');
      expect(await heading(admin.page)).toBe('机关管理');
      expect(await navLinks(admin.page)).toContain('机关管理');
      await checkPage(admin.page);
      await screenshots(admin.page, 'console-admin-overview');

      // An invitation with nothing filled in is answered with the errors, beside their fields.
      await open(admin.page, '/console/admin/staff');
      await checkPage(admin.page);
      await screenshots(admin.page, 'console-admin-staff');
      const refused = await landing(admin.page, () =>
        admin.page.getByRole('button', { name: '开设账号' }).click(),
      );
      expect(refused.status()).toBe(422);
      const summary = admin.page.locator('.error-summary');
      expect(await summary.innerText()).toContain('请填写电子邮箱');
      expect(await summary.innerText()).toContain('请至少选择一个角色');
      await checkPage(admin.page);
      await screenshots(admin.page, 'console-admin-staff-errors');

      // The clerk's account, opened in the console.
      const clerkEmail = `${uniqueId('clerk')}@test.example.cn`;
      await admin.page.getByLabel('电子邮箱', { exact: true }).fill(clerkEmail);
      await admin.page.getByLabel('姓名', { exact: true }).fill('王经办');
      await admin.page.getByLabel('经办人', { exact: true }).check();
      const invited = await landing(admin.page, () =>
        admin.page.getByRole('button', { name: '开设账号' }).click(),
      );
      expect(invited.status()).toBe(200);
      expect(await heading(admin.page)).toBe('王经办');
      expect(await admin.page.locator('.notice.success').innerText()).toContain('账号已开设');
      const clerkPath = new URL(admin.page.url()).pathname;
      expect(clerkPath).toMatch(/^\/console\/admin\/staff\/stf_[0-9a-z]{20}$/);
      await checkPage(admin.page);
      await screenshots(admin.page, 'console-admin-staff-member');

      // The same e-mail address a second time is refused beside the field.
      await open(admin.page, '/console/admin/staff');
      await admin.page.getByLabel('电子邮箱', { exact: true }).fill(clerkEmail);
      await admin.page.getByLabel('姓名', { exact: true }).fill('重复');
      await admin.page.getByLabel('经办人', { exact: true }).check();
      const twice = await landing(admin.page, () =>
        admin.page.getByRole('button', { name: '开设账号' }).click(),
      );
      expect(twice.status()).toBe(422);
      expect(await admin.page.locator('.error-summary').innerText()).toContain(
        '此电子邮箱不能用于开设新账号',
      );
      expect(await admin.page.locator('table').innerText()).toContain('王经办');

      // The clerk signs in by e-mail and works: Today, with no administration in the navigation.
      const clerk = await person(clerkEmail);
      expect(await heading(clerk.page)).toBe('待办');
      expect(await navLinks(clerk.page)).not.toContain('机关管理');
      await checkPage(clerk.page);
      await screenshots(clerk.page, 'console-today-clerk');
      // Administration is refused to a clerk: a page saying so, 403, never a 500.
      const notAdmin = await open(clerk.page, '/console/admin');
      expect(notAdmin.status()).toBe(403);
      expect(await heading(clerk.page)).toBe('无权访问此页面');
      await checkPage(clerk.page);
      await screenshots(clerk.page, 'console-admin-forbidden');
      // …and so is posting an administrator's form anyway.
      const posted = await postAs(clerk.context, clerk.page, '/console/admin/staff', {
        email: `${uniqueId('sneak')}@test.example.cn`,
        name: '冒名',
        roles: 'agency_admin',
      });
      expect(posted.status()).toBe(403);
      // The platform pages never let agency staff in.
      expect((await open(clerk.page, '/console/platform')).status()).toBe(403);
      expect((await open(admin.page, '/console/platform')).status()).toBe(403);
      expect((await open(admin.page, `/console/platform/agencies/${agency.agencyId}`)).status()).toBe(403);
      await checkPage(admin.page);

      // Another agency's account is not found from here (and nothing of it is shown).
      const foreign = await open(admin.page, `/console/admin/staff/${stranger.staffId}`);
      expect(foreign.status()).toBe(404);
      expect(await admin.page.content()).not.toContain(stranger.email);
      await checkPage(admin.page);
      await open(admin.page, clerkPath);
      const foreignPost = await postAs(
        admin.context,
        admin.page,
        `/console/admin/staff/${stranger.staffId}/access`,
        {
          version: '1',
          enabled: 'false',
        },
      );
      expect(foreignPost.status()).toBe(404);
      const foreignRoles = await postAs(
        admin.context,
        admin.page,
        `/console/admin/staff/${stranger.staffId}/roles`,
        {
          version: '1',
          roles: 'clerk',
        },
      );
      expect(foreignRoles.status()).toBe(404);
      expect((await open(admin.page, `/console/admin/staff/${stranger.staffId}/access`)).status()).toBe(404);
      expect(await admin.page.content()).not.toContain(stranger.email);

      // The administrator gives the clerk the administrator's role too: it applies at the clerk's next click.
      await open(admin.page, clerkPath);
      await admin.page.getByLabel('机关管理员', { exact: true }).check();
      const rolesSaved = await landing(admin.page, () =>
        admin.page.getByRole('button', { name: '保存角色' }).click(),
      );
      expect(rolesSaved.status()).toBe(200);
      expect(await admin.page.locator('.notice.success').innerText()).toContain('角色已修改');
      expect(await admin.page.locator('.summary').innerText()).toContain('经办人、机关管理员');
      await landing(clerk.page, () =>
        clerk.page.locator('.site-nav').getByRole('link', { name: '待办' }).click(),
      );
      expect(await navLinks(clerk.page)).toContain('机关管理');
      await landing(clerk.page, () =>
        clerk.page.locator('.site-nav').getByRole('link', { name: '机关管理' }).click(),
      );
      expect(await heading(clerk.page)).toBe('机关管理');

      // Two people edit the office's details at once: the second save is told, with the record as it is now.
      await open(admin.page, '/console/admin/profile');
      await checkPage(admin.page);
      await screenshots(admin.page, 'console-admin-profile');
      await open(clerk.page, '/console/admin/profile');
      await clerk.page.getByLabel('办公时间', { exact: true }).fill('工作日 8:30–17:30');
      await clerk.page.getByLabel('标题').first().fill('本机关的公开工作');
      await clerk.page.getByLabel('正文').first().fill('本机关自2008年起开展政府信息公开工作。');
      const clerkSaved = await landing(clerk.page, () =>
        clerk.page.getByRole('button', { name: '保存' }).click(),
      );
      expect(clerkSaved.status()).toBe(200);
      expect(await clerk.page.locator('.notice.success').innerText()).toContain('政务公开工作机构信息已保存');
      await admin.page.getByLabel('办公时间', { exact: true }).fill('全天');
      const conflict = await landing(admin.page, () =>
        admin.page.getByRole('button', { name: '保存' }).click(),
      );
      expect(conflict.status()).toBe(409);
      expect(await admin.page.locator('.notice.warning').first().innerText()).toContain('其他人已修改');
      expect(await admin.page.getByLabel('办公时间', { exact: true }).inputValue()).toBe('工作日 8:30–17:30');
      await checkPage(admin.page);
      await screenshots(admin.page, 'console-admin-profile-conflict');
      // A wrong value is answered beside its field, the rest kept.
      await admin.page.getByLabel('联系电话', { exact: true }).fill('call us');
      const wrong = await landing(admin.page, () => admin.page.getByRole('button', { name: '保存' }).click());
      expect(wrong.status()).toBe(422);
      expect(await admin.page.locator('.error-summary').innerText()).toContain('联系电话只能包含数字');
      expect(await admin.page.getByLabel('联系电话', { exact: true }).inputValue()).toBe('call us');
      await checkPage(admin.page);

      // The clerk has two pages open: Today, and (in another browser) a form. Then the account is disabled.
      const second = await person(clerkEmail, '/console/admin/profile');
      await open(clerk.page, '/console');
      await open(admin.page, clerkPath);
      await landing(admin.page, () => admin.page.getByRole('link', { name: '停用此账号' }).click());
      expect(await heading(admin.page)).toBe('停用王经办的账号？');
      await checkPage(admin.page);
      await screenshots(admin.page, 'console-admin-disable-confirm');
      const disabled = await landing(admin.page, () =>
        admin.page.getByRole('button', { name: '确认停用' }).click(),
      );
      expect(disabled.status()).toBe(200);
      expect(await admin.page.locator('.notice.success').innerText()).toContain('账号已停用');
      expect(await admin.page.locator('.summary').innerText()).toContain('已停用');

      // The clerk's next click, on the page already open: the "account disabled" page, 403.
      const nextClick = await landing(clerk.page, () =>
        clerk.page.locator('.site-nav').getByRole('link', { name: '机关管理' }).click(),
      );
      expect(nextClick.status()).toBe(403);
      expect(await heading(clerk.page)).toBe('您的账号已停用');
      await checkPage(clerk.page);
      await screenshots(clerk.page, 'console-admin-disabled-click');
      // The form already open elsewhere, posted: refused the same way, and nothing saved.
      await second.page.getByLabel('办公时间', { exact: true }).fill('不应保存');
      const nextPost = await landing(second.page, () =>
        second.page.getByRole('button', { name: '保存' }).click(),
      );
      expect(nextPost.status()).toBe(403);
      expect(await heading(second.page)).toBe('您的账号已停用');
      await checkPage(second.page);
      const profile = await api('GET', `/v1/agencies/${agency.agencyId}/profile`, {
        token: adminAccount.token,
      });
      expect(profile.json.profile.openingHours).toBe('工作日 8:30–17:30');
      // Signing in again is refused too.
      await signIn(clerk.page, clerkEmail);
      expect(await clerk.page.locator('h1').innerText()).toBe('登录未完成');

      // Enabled again, the clerk signs in and works.
      await open(admin.page, clerkPath);
      await landing(admin.page, () => admin.page.getByRole('link', { name: '启用此账号' }).click());
      await checkPage(admin.page);
      await landing(admin.page, () => admin.page.getByRole('button', { name: '确认启用' }).click());
      expect(await admin.page.locator('.notice.success').innerText()).toContain('账号已启用');
      await signIn(clerk.page, clerkEmail);
      expect(await heading(clerk.page)).toBe('待办');
    },
    WALK_MS,
  );

  it(
    'the policy, the review chain and the catalogue: each saved, each refused when it breaks a rule',
    async () => {
      const agency = await aNewAgency();
      const adminAccount = await aStaffMember(agency.agencyId, ['agency_admin']);
      // This walk with JavaScript on (the others keep it off).
      const admin = await staffAtConsole(browser, adminAccount.email, {
        startAt: '/console/admin/policy',
        javaScript: true,
      });
      people.push(admin);
      const { page } = admin;
      expect(await heading(page)).toBe('期限规定');
      await checkPage(page);
      await screenshots(page, 'console-admin-policy');
      // Stricter than the Regulations: saved, and in force from today.
      await page.getByLabel('答复期限（工作日）', { exact: true }).fill('15');
      await landing(page, () => page.getByRole('button', { name: '保存' }).click());
      expect(await page.locator('.notice.success').innerText()).toContain('期限规定已保存');
      expect(await page.locator('table').innerText()).toContain('现行');
      // Looser than the Regulations: refused beside the field, the input kept.
      await page.getByLabel('答复期限（工作日）', { exact: true }).fill('25');
      const looser = await landing(page, () => page.getByRole('button', { name: '保存' }).click());
      expect(looser.status()).toBe(422);
      expect(await page.locator('.error-summary').innerText()).toContain(
        '答复期限（工作日）须为1至20之间的整数',
      );
      expect(await page.getByLabel('答复期限（工作日）', { exact: true }).inputValue()).toBe('25');
      // Cutting the applicant's time to pay: the use case's rule, beside its field.
      await page.getByLabel('答复期限（工作日）', { exact: true }).fill('15');
      await page.getByLabel('申请人缴纳信息处理费的期限（工作日）').fill('10');
      const shorter = await landing(page, () => page.getByRole('button', { name: '保存' }).click());
      expect(shorter.status()).toBe(422);
      expect(await page.locator('.error-summary').innerText()).toContain(
        '申请人缴纳信息处理费的期限（工作日）须为20至60之间的整数',
      );
      await checkPage(page);
      await screenshots(page, 'console-admin-policy-errors');

      // The review chain: the default shown; a chain without its secrecy review refused in words.
      await open(page, '/console/admin/review-chain');
      expect(await page.locator('.steps').innerText()).toContain('保密审查');
      await checkPage(page);
      await screenshots(page, 'console-admin-chain');
      await page.locator('select[name="step.2.kind"]').selectOption('review');
      await page.locator('select[name="step.2.role"]').selectOption('reviewer');
      const broken = await landing(page, () => page.getByRole('button', { name: '保存' }).click());
      expect(broken.status()).toBe(422);
      expect(await page.locator('.error-summary').innerText()).toContain('流程须有且只有一次保密审查');
      await checkPage(page);
      // A fifth step (印前复核 after 终审) is saved.
      await open(page, '/console/admin/review-chain');
      await page.locator('input[name="step.4.label"]').fill('印前复核');
      await page.locator('input[name="step.4.id"]').fill('final_check');
      await page.locator('select[name="step.4.kind"]').selectOption('pre_publication_check');
      await page.locator('select[name="step.4.role"]').selectOption('approver');
      await landing(page, () => page.getByRole('button', { name: '保存' }).click());
      expect(await page.locator('.notice.success').innerText()).toContain('审核流程已保存');
      expect(await page.locator('.steps').innerText()).toContain('印前复核');
      const chain = await api('GET', `/v1/agencies/${agency.agencyId}/review-chain`, {
        token: adminAccount.token,
      });
      expect(chain.json.steps.map((step: { id: string }) => step.id)).toEqual([
        'first_review',
        'second_review',
        'secrecy_review',
        'approval',
        'final_check',
      ]);

      // The catalogue: a category of the agency's own, with the time limit another law sets.
      await open(page, '/console/admin/catalogue');
      await checkPage(page);
      await screenshots(page, 'console-admin-catalogue');
      const blank = (await page.locator('input[name$=".code"]').count()) - 1;
      await page.locator(`input[name="entry.${blank}.name"]`).fill('环境影响评价');
      await page.locator(`input[name="entry.${blank}.code"]`).fill('eia');
      await page.locator(`input[name="entry.${blank}.deadlineDays"]`).fill('10');
      const incomplete = await landing(page, () => page.getByRole('button', { name: '保存' }).click());
      expect(incomplete.status()).toBe(422);
      expect(await page.locator('.error-summary').innerText()).toContain('须同时填写天数、单位和法律依据');
      await page.locator(`select[name="entry.${blank}.deadlineUnit"]`).selectOption('working_days');
      await page.locator(`input[name="entry.${blank}.deadlineBasis"]`).fill('《环境影响评价法》第五条');
      await landing(page, () => page.getByRole('button', { name: '保存' }).click());
      expect(await page.locator('.notice.success').innerText()).toContain('公开目录已保存');
      const catalogue = await api('GET', `/v1/agencies/${agency.agencyId}/catalogue`);
      expect(catalogue.json.entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'eia',
            deadline: { days: 10, unit: 'working_days', basis: '《环境影响评价法》第五条' },
          }),
        ]),
      );
    },
    WALK_MS,
  );
});

describe('Today (待办): what waits for each person', () => {
  /**
   * A December in 2031 (a year only the sweep's own test touches, through its first run on 2031-12-31):
   * an application received so that its reply falls due 2031-12-30 (late once the sweep of 12-31 records
   * it), another due three working days after the 31st, two documents in review, a complaint; the
   * sweep of 12-31 run again (`redo` sweeps that day alone and never moves the watermark back). Today is
   * then read on the business day 2031-12-31 (`X-Gongkai-Now`, which the local gateway honours in tests).
   */
  const calendar = new WorkingCalendar();
  const due = (from: string, n: number) => calendar.addWorkingDays(from, n).dueDate;
  const receivedFor = (dueDate: string) => {
    let day = dueDate;
    while (due(day, 20) > dueDate) day = addDays(day, -1);
    if (due(day, 20) !== dueDate) throw new Error(`no receipt day gives ${dueDate}`);
    return day;
  };
  const at = (date: string) => `${date}T02:00:00Z`;
  const TODAY = '2031-12-31';

  it(
    'an overdue application (theirs first, days late in words), a review, a breach, a complaint; by role',
    async () => {
      const agency = await aNewAgency({ level: 'government' });
      const [director, clerk, secrecy, firstReviewer, secondReviewer] = await Promise.all([
        aStaffMember(agency.agencyId, ['clerk', 'reviewer', 'agency_admin']),
        aStaffMember(agency.agencyId, ['clerk']),
        aStaffMember(agency.agencyId, ['secrecy_reviewer']),
        aStaffMember(agency.agencyId, ['reviewer']),
        aStaffMember(agency.agencyId, ['reviewer']),
      ]);
      const lateDue = '2031-12-30';
      const soonDue = due(TODAY, 3);
      const late = await aRegisteredApplication(agency.agencyId, clerk.token, {
        receivedOn: receivedFor(lateDue),
        applicant: anApplicant(),
      });
      expect(late.dueDate).toBe(lateDue);
      const soon = await aRegisteredApplication(agency.agencyId, clerk.token, {
        receivedOn: receivedFor(soonDue),
      });
      expect(soon.dueDate).toBe(soonDue);
      const assigned = await api(
        'POST',
        `/v1/agencies/${agency.agencyId}/applications/${late.trackingNumber}/assignment`,
        {
          token: clerk.token,
          body: { staffId: director.staffId },
          now: at(receivedFor(lateDue)),
        },
      );
      expect(assigned.status, assigned.text).toBe(200);

      // Two documents sent for review: one waits at 初审, the other (signed twice) at 保密审查.
      const submissions = `/v1/agencies/${agency.agencyId}/submissions`;
      const send = async (title: string) => {
        const created = await api('POST', submissions, {
          token: clerk.token,
          body: aDocument({ title, formedOn: '2031-12-15' }),
          now: at('2031-12-16'),
        });
        expect(created.status, created.text).toBe(201);
        const sent = await api('POST', `${submissions}/${created.json.id}/submission`, {
          token: clerk.token,
          body: {},
          now: at('2031-12-16'),
        });
        expect(sent.json.status, sent.text).toBe('in_review');
        return created.json.id as string;
      };
      const atFirst = await send('关于2032年元旦期间城市管理工作的通知');
      const atSecrecy = await send('关于公布2031年度行政事业性收费目录的通知');
      for (const [signer, step] of [
        [firstReviewer, 'first_review'],
        [secondReviewer, 'second_review'],
      ] as const) {
        const signed = await api('POST', `${submissions}/${atSecrecy}/reviews`, {
          token: signer.token,
          body: { step, verdict: 'approve', opinion: '同意' },
          now: at('2031-12-17'),
        });
        expect(signed.status, signed.text).toBe(200);
      }

      const complained = await api('POST', `/v1/agencies/${agency.agencyId}/complaints`, {
        body: {
          complainant: { name: '赵六', contact: '13900002222' },
          subject: '申请逾期未答复',
          details: '我的申请已超过答复期限，至今没有收到答复。',
          trackingNumber: late.trackingNumber,
        },
        now: at('2031-12-20'),
      });
      expect(complained.status, complained.text).toBe(201);

      const swept = await api('POST', '/_local/sweep', {
        body: { date: TODAY, redo: true },
        now: `${TODAY}T01:00:00Z`,
      });
      expect(swept.status, swept.text).toBe(200);

      // The director (clerk, reviewer, administrator) on the business day 2031-12-31.
      const seen = await person(director.email);
      await seen.context.setExtraHTTPHeaders({ 'x-gongkai-now': `${TODAY}T03:00:00Z` });
      await open(seen.page, '/console');
      const { page } = seen;
      expect(await page.locator('.lead').innerText()).toContain('2031年12月31日');
      const mine = page.locator('section.today-part').filter({ has: page.locator('#today-applications') });
      const tables = mine.locator('table');
      expect(await tables.count()).toBe(2);
      const mineRow = tables.nth(0).locator('tr', { hasText: late.trackingNumber });
      expect(await mineRow.locator('.tag').innerText()).toBe('已逾期1个工作日');
      expect(await mineRow.locator('.tag').getAttribute('class')).toBe('tag red');
      expect(await mineRow.innerText()).toContain('（我）');
      expect(await mineRow.locator('a').getAttribute('href')).toBe(
        `/console/applications/${late.trackingNumber}`,
      );
      const otherRow = tables.nth(1).locator('tr', { hasText: soon.trackingNumber });
      expect(await otherRow.locator('.tag').innerText()).toBe('还剩3个工作日');
      expect(await otherRow.locator('.tag').getAttribute('class')).toBe('tag amber');

      const reviews = page.locator('section.today-part').filter({ has: page.locator('#today-reviews') });
      expect(await reviews.innerText()).toContain('初审（1件）');
      expect(await reviews.locator(`a[href="/console/submissions/${atFirst}"]`).count()).toBe(1);
      expect(await reviews.innerText()).not.toContain('收费目录');

      const breaches = page.locator('section.today-part').filter({ has: page.locator('#today-breaches') });
      const breachRow = breaches.locator('tr', { hasText: '答复逾期' });
      expect(await breachRow.count()).toBe(1);
      expect(await breachRow.locator('a').getAttribute('href')).toBe(
        `/console/applications/${late.trackingNumber}`,
      );
      expect(await breachRow.innerText()).toContain('2031年12月30日');

      const complaints = page
        .locator('section.today-part')
        .filter({ has: page.locator('#today-complaints') });
      expect(await complaints.innerText()).toContain('申请逾期未答复');
      expect(await complaints.locator('.tag').innerText()).toBe('还剩19天');
      expect(await complaints.locator('a').first().getAttribute('href')).toBe(
        `/console/complaints/${complained.json.complaintId}`,
      );

      const reminders = page.locator('section.today-part').filter({ has: page.locator('#today-reminders') });
      expect(await reminders.innerText()).toContain('发出时还剩3个工作日');
      await checkPage(page);
      await screenshots(page, 'console-today-director');

      // The secrecy reviewer sees the document at 保密审查, and no applications, breaches or complaints.
      const reviewer = await person(secrecy.email);
      await reviewer.context.setExtraHTTPHeaders({ 'x-gongkai-now': `${TODAY}T03:00:00Z` });
      await open(reviewer.page, '/console');
      const text = await reviewer.page.locator('main').innerText();
      expect(text).toContain('保密审查（1件）');
      expect(text).toContain('关于公布2031年度行政事业性收费目录的通知');
      expect(await reviewer.page.locator('#today-applications').count()).toBe(0);
      expect(await reviewer.page.locator('#today-breaches').count()).toBe(0);
      expect(await reviewer.page.locator('#today-complaints').count()).toBe(0);
      await checkPage(reviewer.page);
      await screenshots(reviewer.page, 'console-today-secrecy-reviewer');

      // The first reviewer signed nothing of the first document, but the second one: they may not sign
      // another step of it, so Today says why it is not theirs.
      const first = await person(firstReviewer.email);
      await first.context.setExtraHTTPHeaders({ 'x-gongkai-now': `${TODAY}T03:00:00Z` });
      await open(first.page, '/console');
      expect(await first.page.locator('main').innerText()).toContain('初审（1件）');
      await checkPage(first.page);
    },
    WALK_MS,
  );
});

describe('platform: the agencies and their tree', () => {
  it(
    'the platform administrator creates an agency under a parent, sees it in the tree, opens its summary and its first administrator',
    async () => {
      const stem = uniqueId('cadm');
      const parent = await aNewAgency({
        agencyId: stem,
        level: 'government',
        name: `测试市人民政府 ${stem}`,
      });
      const platform = await person(demoEmail('platform_admin'), '/console/platform');
      const { page } = platform;
      expect(await heading(page)).toBe('平台管理');
      expect(await navLinks(page)).toContain('平台管理');
      await checkPage(page);
      await screenshots(page, 'console-platform-tree');

      // The platform administrator's Today points to the platform pages.
      await open(page, '/console');
      expect(await page.locator('main').innerText()).toContain('进入平台管理');
      await checkPage(page);
      await screenshots(page, 'console-today-platform');

      // A form with mistakes is answered beside its fields.
      await open(page, `/console/platform/agencies/${parent.agencyId}`);
      await landing(page, () => page.getByRole('link', { name: '在此机关下开设下级机关' }).click());
      expect(await page.getByLabel('上级机关代码').inputValue()).toBe(parent.agencyId);
      await checkPage(page);
      await screenshots(page, 'console-platform-new');
      await page.getByLabel('机关代码', { exact: true }).fill('Not An Id');
      const wrong = await landing(page, () => page.getByRole('button', { name: '开设机关' }).click());
      expect(wrong.status()).toBe(422);
      const errors = await page.locator('.error-summary').innerText();
      expect(errors).toContain('机关代码须为3至40个小写字母');
      expect(errors).toContain('请填写机关名称');
      expect(errors).toContain('请选择机关类别');
      await checkPage(page);

      const childId = `${stem}-fgw`;
      await page.getByLabel('机关代码', { exact: true }).fill(childId);
      await page.getByLabel('机关名称', { exact: true }).fill(`测试市发展和改革委员会 ${stem}`);
      await page.getByLabel('政府部门').check();
      await page.getByLabel('工作机构名称').fill('测试市发展和改革委员会办公室');
      await page.getByLabel('负责人', { exact: true }).fill('陈静');
      await page.getByLabel('办公地址').fill('测试市人民路1号');
      await page.getByLabel('办公时间', { exact: true }).fill('工作日 9:00–17:00');
      await page.getByLabel('联系电话', { exact: true }).fill('021-12345678');
      await page.getByLabel('电子邮箱', { exact: true }).fill('fgw@test.example.cn');
      const created = await landing(page, () => page.getByRole('button', { name: '开设机关' }).click());
      expect(created.status()).toBe(200);
      expect(await heading(page)).toBe(`测试市发展和改革委员会 ${stem}`);
      expect(await page.locator('.notice.success').innerText()).toContain('机关已开设');
      expect(await page.locator('.summary').first().innerText()).toContain(`测试市人民政府 ${stem}`);
      await checkPage(page);
      await screenshots(page, 'console-platform-agency');

      // The same code again: taken.
      await open(page, `/console/platform/agencies/new?parent=${parent.agencyId}`);
      await page.getByLabel('机关代码', { exact: true }).fill(childId);
      await page.getByLabel('机关名称', { exact: true }).fill('重复');
      await page.getByLabel('政府部门').check();
      for (const [label, value] of [
        ['工作机构名称', '办公室'],
        ['负责人', '某'],
        ['办公地址', '某处'],
        ['办公时间', '工作日'],
        ['联系电话', '021-12345678'],
        ['电子邮箱', 'x@test.example.cn'],
      ] as const)
        await page.getByLabel(label, { exact: true }).fill(value);
      const taken = await landing(page, () => page.getByRole('button', { name: '开设机关' }).click());
      expect(taken.status()).toBe(409);
      expect(await page.locator('.error-summary').innerText()).toContain('此机关代码已被使用');

      // An agency that does not exist is not found.
      expect((await open(page, '/console/platform/agencies/no-such-agency')).status()).toBe(404);
      await checkPage(page);

      // The parent's summary lists it under it; the tree shows it beneath its parent.
      await open(page, `/console/platform/agencies/${parent.agencyId}`);
      expect(await page.locator(`a[href="/console/platform/agencies/${childId}"]`).count()).toBe(1);
      let path: string | null = '/console/platform';
      let found = false;
      while (path !== null && !found) {
        await open(page, path);
        const node = page.locator('.tree li', {
          has: page.locator(`a[href="/console/platform/agencies/${childId}"]`),
        });
        if ((await node.count()) > 0) {
          found = true;
          const text = await node.first().innerText();
          const nested = await page
            .locator('.tree li', {
              has: page.locator(`a[href="/console/platform/agencies/${parent.agencyId}"]`),
            })
            .locator(`a[href="/console/platform/agencies/${childId}"]`)
            .count();
          // Beneath its parent — or, when the directory's page ends between them, naming it.
          expect(nested > 0 || text.includes(parent.agencyId)).toBe(true);
        }
        path = await page
          .locator('a[rel=next]')
          .getAttribute('href')
          .catch(() => null);
        if ((await page.locator('a[rel=next]').count()) === 0) path = null;
      }
      expect(found).toBe(true);

      // Its first administrator, opened from the platform, signs in and administers it.
      await open(page, `/console/platform/agencies/${childId}`);
      const adminEmail = `${uniqueId('first-admin')}@test.example.cn`;
      await page.getByLabel('电子邮箱', { exact: true }).fill(adminEmail);
      await page.getByLabel('姓名', { exact: true }).fill('刘管理');
      await page.getByLabel('机关管理员', { exact: true }).check();
      await landing(page, () => page.getByRole('button', { name: '开设账号' }).click());
      expect(await page.locator('.notice.success').innerText()).toContain('账号已开设');
      expect(await page.locator('table').innerText()).toContain(adminEmail);
      const firstAdmin = await person(adminEmail, '/console/admin');
      expect(await heading(firstAdmin.page)).toBe('机关管理');
      expect(await firstAdmin.page.locator('.lead').innerText()).toContain(`测试市发展和改革委员会 ${stem}`);
    },
    WALK_MS,
  );
});
