import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAgencyWithStaff, api, localCloud, uniqueId } from '#test/support/api';
import { checkPage, launchBrowser, newPerson, screenshots } from '#test/support/browser';

/**
 * Complaining twice by mistake (issue 13): the portal's complaint form posted again with the same fields and
 * cookies (a double click with JavaScript off, a retry) files one complaint, whose access code the receipt
 * shows once; the API's POST with the same Idempotency-Key files one too. Checked through the staff list.
 */

const FLOW_MS = 240_000;
let browser: Browser;
let agency: Awaited<ReturnType<typeof anAgencyWithStaff>>;
beforeAll(async () => {
  [browser, agency] = await Promise.all([launchBrowser(), anAgencyWithStaff()]);
}, 120_000);
afterAll(async () => {
  await browser.close();
});

const base = () => localCloud().baseUrl;
const complaintsPath = () => `/v1/agencies/${agency.agencyId}/complaints`;

/** The open complaints of the test agency about `subject`, as its supervisor lists them. */
async function complaintsAbout(subject: string): Promise<string[]> {
  const list = await api('GET', `${complaintsPath()}?status=open&limit=100`, {
    token: agency.tokens.supervisor,
  });
  expect(list.status, list.text).toBe(200);
  return list.json.items
    .filter((item: { subject: string }) => item.subject === subject)
    .map((item: { id: string }) => item.id);
}

describe.each([
  { javaScript: false, label: 'JavaScript off' },
  { javaScript: true, label: 'JavaScript on' },
])('the complaint form sent twice with $label', ({ javaScript }) => {
  it(
    'files one complaint; its code is shown once, and a replay after that grants nothing',
    async () => {
      const context = await newPerson(browser, { javaScript });
      const page = await context.newPage();
      const formUrl = `${base()}/agencies/${agency.agencyId}/complaints`;
      await page.goto(`${formUrl}/new`);
      await checkPage(page);
      await screenshots(page, `complaint-twice-form-${javaScript ? 'js' : 'nojs'}`);
      const subject = `两次提交 ${uniqueId('cmp')}`.slice(0, 60);
      const form = {
        _csrf: (await page.locator('input[name=_csrf]').getAttribute('value')) ?? '',
        formKey: (await page.locator('input[name=formKey]').getAttribute('value')) ?? '',
        name: '王五',
        contact: '13900001111',
        email: '',
        trackingNumber: '',
        subject,
        details: '同一张表单提交了两次。',
      };
      expect(form.formKey).toMatch(/^[0-9a-f-]{36}$/);
      // The same POST twice, with the same fields and cookies (the browser's context), at once.
      const post = () =>
        context.request.post(formUrl, { form, headers: { origin: base() }, maxRedirects: 0 });
      const [first, second] = await Promise.all([post(), post()]);
      expect([first.status(), second.status()]).toEqual([303, 303]);
      const location = first.headers().location ?? '';
      expect(location).toMatch(new RegExp(`^/agencies/${agency.agencyId}/complaints/cmp_[0-9a-f]{12}$`));
      expect(second.headers().location).toBe(location);
      // Either answer may be the one the browser keeps: both carry the way to the code.
      expect(second.headers()['set-cookie']).toContain('__Secure-gk-complaint-code=1');
      expect(await complaintsAbout(subject)).toEqual([location.split('/').at(-1)]);

      await page.goto(`${base()}${location}`);
      await page.getByRole('heading', { name: '投诉举报回执' }).waitFor();
      expect(await page.locator('.notice.warning .secret').count()).toBe(1);
      await checkPage(page);
      await screenshots(page, `complaint-twice-receipt-${javaScript ? 'js' : 'nojs'}`);
      await page.reload();
      expect(await page.locator('.notice.warning .secret').count()).toBe(0);

      // Sent once more later ("back", send): the same receipt, and no cookie that shows or grants the code.
      const later = await post();
      expect(later.status()).toBe(303);
      expect(later.headers().location).toBe(location);
      expect(later.headers()['set-cookie']).toBeUndefined();
      expect(await complaintsAbout(subject)).toHaveLength(1);
      await context.close();
    },
    FLOW_MS,
  );
});

describe('the complaint API with an Idempotency-Key', () => {
  it('the same complaint with the same key twice files one and answers the same receipt; with another body, 422', async () => {
    const subject = `API两次 ${uniqueId('cmp')}`.slice(0, 60);
    const body = {
      complainant: { name: '赵六', contact: '13900000000' },
      subject,
      details: '网络中断后重试了一次。',
    };
    const headers = { 'idempotency-key': uniqueId('complaint-key') };
    const first = await api('POST', complaintsPath(), { body, headers });
    const retry = await api('POST', complaintsPath(), { body, headers });
    expect([first.status, retry.status], retry.text).toEqual([201, 201]);
    expect(retry.json).toEqual(first.json);
    expect(await complaintsAbout(subject)).toEqual([first.json.complaintId]);
    const other = await api('POST', complaintsPath(), { body: { ...body, details: '另一件事。' }, headers });
    expect(other.status, other.text).toBe(422);
    expect(other.json.errors[0].path).toBe('header.idempotency-key');
    expect(await complaintsAbout(subject)).toHaveLength(1);
  }, 60_000);
});
