import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assets } from '#lib/web/assets/index';
import { anUpload, api, localCloud, uniqueId } from '#test/support/api';
import {
  checkPage,
  expectOnlyOwnRequests,
  launchBrowser,
  newPerson,
  screenshots,
  watchRequests,
} from '#test/support/browser';

/**
 * The walk issue 13 asks for, on the demo agency of `npm start`, as people do it in Chromium with
 * JavaScript off and on: a person opens the portal, finds the agency by name, reads its guide, opens a
 * publication, applies with an attachment and keeps the receipt; the staff ask for clarification (through
 * the API); the person supplements through the page; the staff decide; the person reads the decision
 * letter; another person complains. axe-core runs on every page of the walk, each page is kept as a
 * screenshot at 390×844 and 1280×800, and each page (with the stylesheet and script) stays under 60 KB
 * gzipped. The follow form is used with the keyboard alone.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser.close();
});

const WALK_MS = 300_000;
const base = () => localCloud().baseUrl;
const agencyId = () => localCloud().agencyId;
const AGENCY_NAME = '示范市人民政府';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const frameBytes = gzipSync(assets.stylesheet.body).length + gzipSync(assets.script.body).length;

/** Does `act` (a click that sends the browser somewhere) and waits for the page it lands on. */
async function follow(page: Page, act: () => Promise<unknown>): Promise<Response> {
  const landed = page.waitForResponse(
    (response) =>
      response.request().isNavigationRequest() &&
      response.frame() === page.mainFrame() &&
      (response.status() < 300 || response.status() >= 400),
  );
  await act();
  const response = await landed;
  // The response arrives before the page commits to it: wait until the browser shows it.
  await page.waitForURL(response.url(), { waitUntil: 'load' });
  return response;
}

/** Every page of the walk: axe-core, 320 px, its weight, its screenshots. */
async function looked(page: Page, response: Response | null, name: string, javaScript: boolean) {
  await checkPage(page);
  if (response !== null) {
    const html = await response.body();
    expect(frameBytes + gzipSync(html).length, `${name} in 60 KB`).toBeLessThan(60 * 1024);
  }
  await screenshots(page, `walk-${name}-${javaScript ? 'js' : 'nojs'}`);
}

const clerk = () => localCloud().tokens.clerk;
const staffDoes = async (trackingNumber: string, action: string, body: unknown) => {
  const answer = await api('POST', `/v1/agencies/${agencyId()}/applications/${trackingNumber}/${action}`, {
    token: clerk(),
    body,
  });
  expect(answer.status, answer.text).toBe(200);
};

describe.each([
  { javaScript: false, label: 'JavaScript off' },
  { javaScript: true, label: 'JavaScript on' },
])('the portal walk with $label', ({ javaScript }) => {
  it(
    'finds the agency, reads its guide and a publication, applies, supplements, reads the decision; another person complains',
    async () => {
      const person = await newPerson(browser, { javaScript });
      const seen = watchRequests(person);
      const page = await person.newPage();

      // 1. The portal, and the agency found by name.
      await looked(page, await page.goto(`${base()}/`), 'home', javaScript);
      await page.getByLabel('按名称查找机关').fill('示范市');
      await looked(
        page,
        await follow(page, () => page.getByRole('button', { name: '查找' }).click()),
        'search',
        javaScript,
      );
      const agencyHome = await follow(page, () =>
        page.getByRole('link', { name: AGENCY_NAME }).first().click(),
      );
      expect(page.url()).toBe(`${base()}/agencies/${agencyId()}`);
      await looked(page, agencyHome, 'agency', javaScript);

      // 2. Its guide (Reg. 22).
      const nav = page.getByRole('navigation', { name: '本机关政府信息公开' });
      await looked(
        page,
        await follow(page, () => nav.getByRole('link', { name: '政府信息公开指南' }).click()),
        'guide',
        javaScript,
      );
      expect(await page.locator('h1').textContent()).toBe(`${AGENCY_NAME}政府信息公开指南`);

      // 3. The reading room, and a publication of the demo.
      await looked(
        page,
        await follow(page, () =>
          page
            .getByRole('navigation', { name: '本机关政府信息公开' })
            .getByRole('link', { name: '主动公开' })
            .click(),
        ),
        'reading-room',
        javaScript,
      );
      await looked(
        page,
        await follow(page, () =>
          page
            .getByRole('link', { name: /2026年重点民生实事项目/ })
            .first()
            .click(),
        ),
        'publication',
        javaScript,
      );
      expect(await page.locator('h1').textContent()).toContain('2026年重点民生实事项目');

      // 4. Apply, with an attachment; keep the receipt.
      await page.goto(`${base()}/agencies/${agencyId()}`);
      await looked(
        page,
        await follow(page, () => page.getByRole('link', { name: '申请政府信息公开' }).first().click()),
        'apply',
        javaScript,
      );
      const description = `本市2025年道路维修专项资金的预算和使用情况 ${uniqueId('walk')}`;
      await page.getByLabel('自然人（个人）').check();
      await page.getByLabel('姓名或名称').fill('张三');
      await page.getByLabel('证件类型').selectOption('resident_id_card');
      await page.getByLabel('证件号码').fill(`11010119900101${String(Date.now() % 10000).padStart(4, '0')}`);
      await page.getByLabel('电子邮箱').fill('zhangsan@example.cn');
      await page.getByLabel('所需政府信息的描述').fill(description);
      await page.getByLabel('电子文件').check();
      await page.getByLabel('电子邮件').check();
      await page
        .getByLabel('上传附件')
        .setInputFiles({ name: '身份证明.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByLabel('我确认以上填写的信息真实').check();
      const receipt = await follow(page, () => page.getByRole('button', { name: '提交申请' }).click());
      await looked(page, receipt, 'receipt', javaScript);
      const trackingNumber = (await page.locator('#tracking-number').textContent()) ?? '';
      const accessCode = (await page.locator('#access-code').textContent()) ?? '';
      expect(trackingNumber).toMatch(/^\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(accessCode).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(javaScript);

      // 5. The staff confirm it and ask for clarification (through the API); the person supplements.
      await staffDoes(trackingNumber, 'confirmation', {});
      await staffDoes(trackingNumber, 'clarification-request', { items: ['请说明所需信息涉及的道路名称'] });
      // A fresh browser session: open the application with the keyboard alone, as someone would.
      const later = await newPerson(browser, { javaScript });
      const laterSeen = watchRequests(later);
      const again = await later.newPage();
      await looked(again, await again.goto(`${base()}/follow`), 'follow', javaScript);
      await tabTo(again, 'input[name=trackingNumber]');
      await again.keyboard.type(trackingNumber);
      await tabTo(again, 'input[name=accessCode]');
      await again.keyboard.type(accessCode);
      const status = await follow(again, () => again.keyboard.press('Enter'));
      expect(again.url()).toBe(`${base()}/applications/${trackingNumber}`);
      await again.getByRole('heading', { name: '需要您办理的事项' }).waitFor();
      await looked(again, status, 'status-clarification', javaScript);
      await again.getByLabel('补正内容').fill('涉及人民路和解放路。');
      const supplemented = await follow(again, () => again.getByRole('button', { name: '提交补正' }).click());
      await again.getByText('已收到您的补正').first().waitFor();
      await looked(again, supplemented, 'status-supplemented', javaScript);

      // 6. The staff decide, with a file; the person reads the decision letter.
      const uploadKey = await anUpload('道路维修资金使用情况.pdf', '%PDF-1.4 道路维修');
      await staffDoes(trackingNumber, 'decision', {
        outcome: 'disclosed',
        releasedFiles: [{ uploadKey, name: '道路维修资金使用情况.pdf' }],
      });
      const decided = await again.goto(`${base()}/applications/${trackingNumber}`);
      await again.getByRole('heading', { name: '答复', exact: true }).waitFor();
      await looked(again, decided, 'status-decided', javaScript);
      const letter = await again.getByRole('link', { name: '阅读答复告知书' }).getAttribute('href');
      const letterAnswer = await again.request.get(letter ?? '');
      expect(letterAnswer.status()).toBe(200);
      const letterText = await letterAnswer.text();
      expect(letterText).toContain('政府信息公开申请答复告知书');
      expect(letterText).toContain(trackingNumber);

      // No secret ever in an address the browsers visited.
      for (const urls of [seen.urls, laterSeen.urls])
        expect(urls.filter((url) => url.includes(accessCode))).toEqual([]);
      expectOnlyOwnRequests(seen, base());
      expectOnlyOwnRequests(laterSeen, base());
      await person.close();
      await later.close();

      // 7. Another person complains (Reg. 51) and keeps the complaint's receipt.
      const other = await newPerson(browser, { javaScript });
      const otherPage = await other.newPage();
      await otherPage.goto(`${base()}/agencies/${agencyId()}`);
      const form = await follow(otherPage, () =>
        otherPage
          .getByRole('navigation', { name: '本机关政府信息公开' })
          .getByRole('link', { name: '投诉举报' })
          .click(),
      );
      await looked(otherPage, form, 'complain', javaScript);
      await otherPage.getByLabel('姓名或名称').fill('王五');
      await otherPage.getByLabel('联系方式').fill('13900001111');
      await otherPage.getByLabel('电子邮箱').fill('wangwu@example.cn');
      await otherPage.getByLabel('投诉事由').fill('申请逾期未答复');
      await otherPage
        .getByLabel('事实和理由')
        .fill('本人于2026年9月提交的政府信息公开申请，至今未收到答复。');
      const complained = await follow(otherPage, () =>
        otherPage.getByRole('button', { name: '提交投诉' }).click(),
      );
      await otherPage.getByRole('heading', { name: '投诉举报回执' }).waitFor();
      await looked(otherPage, complained, 'complaint-receipt', javaScript);
      expect(await otherPage.content()).toMatch(/30日/);
      await other.close();
    },
    WALK_MS,
  );
});

/** Presses Tab until the focus is on the element `selector` names (a person using the keyboard alone). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab');
    const there = await page.evaluate((wanted) => document.activeElement?.matches(wanted) === true, selector);
    if (there) {
      // The focus is visible: an outline or a ring.
      const ring = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement ?? document.body);
        return { outline: style.outlineStyle, shadow: style.boxShadow };
      });
      expect(ring.outline !== 'none' || ring.shadow !== 'none', JSON.stringify(ring)).toBe(true);
      return;
    }
  }
  throw new Error(`Tab never reached ${selector}`);
}
