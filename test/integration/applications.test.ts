import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  aDocument,
  aNewAgency,
  anAgencyWithStaff,
  anApplicant,
  anInformationRequest,
  api,
  aPublishedDocument,
  aRegisteredApplication,
  archivedObjects,
  drainStream,
  uniqueId,
} from '#test/support/api';

type Staff = Awaited<ReturnType<typeof anAgencyWithStaff>>;
let agency: Staff;
beforeAll(async () => {
  agency = await anAgencyWithStaff({ level: 'department' });
});

const at = (date: string) => `${date}T02:00:00Z`; // 10:00 in China
const caseUrl = (id: string, action = '') =>
  `/v1/agencies/${agency.agencyId}/applications/${id}${action ? `/${action}` : ''}`;
const actAs = (role: keyof Staff['tokens'], id: string, action: string, body: unknown, date: string) =>
  api('POST', caseUrl(id, action), { token: agency.tokens[role], body, now: at(date) });
const statusPage = (id: string, token: string) =>
  api('GET', `/v1/applications/${id}`, { headers: { 'x-access-token': token } });
const dueAfter = async (from: string, workingDays: number): Promise<string> =>
  (await api('GET', `/v1/deadlines?from=${from}&workingDays=${workingDays}`)).json.dueDate;

describe('receipt and the reply clock', () => {
  it('a letter received 2026-09-28 is due 2026-10-30, and the status page explains why', async () => {
    const registered = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk, {
      receivedOn: '2026-09-28',
    });
    expect(registered).toMatchObject({
      status: 'in_progress',
      receivedOn: '2026-09-28',
      dueDate: '2026-10-30',
      provisional: false,
      channel: 'letter_registered',
    });
    const page = await statusPage(registered.trackingNumber, registered.accessToken);
    expect(page.status).toBe(200);
    expect(page.json.dueDateExplained[0]).toMatchObject({
      step: 'start',
      on: '2026-09-28',
      workingDays: 20,
      dueDate: '2026-10-30',
    });
    expect(page.json.dueDateExplained[0].daysOff.map((day: { reason: string }) => day.reason)).toEqual(
      Array(7).fill('国庆节'),
    );
    expect(page.json.timeline.map((entry: { type: string }) => entry.type)).toEqual([
      'application_registered',
    ]);
  });

  it('an online application is received on the day it is confirmed', async () => {
    const submitted = await api('POST', `/v1/agencies/${agency.agencyId}/applications`, {
      body: { applicant: anApplicant(), request: anInformationRequest() },
      now: at('2026-09-26'),
    });
    expect(submitted.status).toBe(201);
    expect(submitted.json).toMatchObject({ status: 'awaiting_confirmation' });
    expect(submitted.json.trackingNumber).toMatch(/^2026-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const id = submitted.json.trackingNumber;
    expect((await statusPage(id, submitted.json.accessToken)).json).toMatchObject({
      status: 'awaiting_confirmation',
      receivedOn: null,
      dueDate: null,
    });

    const confirmed = await actAs('clerk', id, 'confirmation', {}, '2026-09-28');
    expect(confirmed.status).toBe(200);
    expect(confirmed.json).toMatchObject({
      status: 'in_progress',
      receivedOn: '2026-09-28',
      dueDate: '2026-10-30',
    });
    expect((await actAs('clerk', id, 'confirmation', {}, '2026-09-29')).status).toBe(409);
  });

  it('one means of contact is enough (Reg. 29): an e-mail alone is taken, none at all is 400', async () => {
    const { address: _address, phone: _phone, email: _email, ...withoutContact } = anApplicant();
    const byEmail = await api('POST', `/v1/agencies/${agency.agencyId}/applications`, {
      body: { applicant: { ...withoutContact, email: 'liu@example.cn' }, request: anInformationRequest() },
      now: at('2026-09-26'),
    });
    expect(byEmail.status).toBe(201);
    const none = await api('POST', `/v1/agencies/${agency.agencyId}/applications`, {
      body: { applicant: withoutContact, request: anInformationRequest() },
      now: at('2026-09-26'),
    });
    expect(none.status).toBe(400);
    expect(none.json.errors).toEqual([
      {
        path: 'body.applicant',
        message: 'must give a means of contact: an address, a phone number or an e-mail (Reg. 29)',
      },
    ]);
  });

  it('a date of receipt in the future is 422', async () => {
    const response = await api('POST', `/v1/agencies/${agency.agencyId}/applications/registrations`, {
      token: agency.tokens.clerk,
      now: at('2026-09-28'),
      body: {
        channel: 'fax',
        receivedOn: '2026-09-29',
        applicant: anApplicant(),
        request: anInformationRequest(),
      },
    });
    expect(response.status).toBe(422);
    expect(response.json.errors[0].path).toBe('body.receivedOn');
  });

  it('the status page needs the right access token; a wrong one looks like an unknown number', async () => {
    const registered = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk);
    const wrong = await statusPage(registered.trackingNumber, 'not-the-token');
    const missing = await api('GET', `/v1/applications/${registered.trackingNumber}`);
    const unknown = await statusPage('2026-ZZZZ-ZZZZ', registered.accessToken);
    for (const response of [wrong, missing, unknown]) {
      expect(response.status).toBe(404);
      expect(response.json.detail).toBe(
        'There is no application with this tracking number and access token.',
      );
    }
  });
});

describe('clarification (补正)', () => {
  it('stops the clock; the supplement restarts a full period from its own date', async () => {
    const { trackingNumber, accessToken } = await aRegisteredApplication(
      agency.agencyId,
      agency.tokens.clerk,
      { receivedOn: '2026-09-28' },
    );
    const requested = await actAs(
      'clerk',
      trackingNumber,
      'clarification-request',
      { items: ['请说明所需信息的时间范围', '请提供项目名称'], periodWorkingDays: 10 },
      '2026-09-30',
    );
    expect(requested.status).toBe(200);
    expect(requested.json).toMatchObject({ status: 'awaiting_clarification', dueDate: null });
    const page = await statusPage(trackingNumber, accessToken);
    expect(page.json.requests).toEqual([
      {
        kind: 'clarification',
        items: ['请说明所需信息的时间范围', '请提供项目名称'],
        sentOn: '2026-09-30',
        // Sent online: delivered the day sent, and the period runs from it.
        delivery: { method: 'online', deliveredOn: '2026-09-30' },
        respondBy: await dueAfter('2026-09-30', 10),
        answered: false,
      },
    ]);

    const supplemented = await api('POST', `/v1/applications/${trackingNumber}/supplements`, {
      headers: { 'x-access-token': accessToken },
      body: { text: '时间范围为2025年1月至12月，项目为人民路改造' },
      now: at('2026-10-12'),
    });
    expect(supplemented.status).toBe(200);
    expect(supplemented.json).toMatchObject({
      status: 'in_progress',
      dueDate: await dueAfter('2026-10-12', 20),
    });
    expect(supplemented.json.dueDateExplained.map((step: { step: string }) => step.step)).toEqual([
      'start',
      'suspend',
      'resume',
    ]);

    const again = await actAs(
      'clerk',
      trackingNumber,
      'clarification-request',
      { items: ['再次补正'] },
      '2026-10-13',
    );
    expect(again.status).toBe(422);
    expect(again.json.type).toBe('urn:gongkai:problem:clarification-once');
  });

  it('must be requested within 7 working days of receipt', async () => {
    const { trackingNumber } = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk, {
      receivedOn: '2026-09-28',
    });
    // 09-28 + 7 working days = 10-13 (the National Day week is off, Saturday 10-10 is worked).
    const late = await actAs(
      'clerk',
      trackingNumber,
      'clarification-request',
      { items: ['x'] },
      '2026-10-14',
    );
    expect(late.status).toBe(422);
    expect(late.json.detail).toContain('2026-10-13');
  });
});

describe('consultation (征求意见)', () => {
  it('15 working days of consultation do not count toward the reply period', async () => {
    const { trackingNumber, dueDate } = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk, {
      receivedOn: '2026-03-02',
    });
    const sent = await actAs(
      'clerk',
      trackingNumber,
      'consultations',
      {
        party: 'third_party',
        name: '某建设公司',
        contact: '021-5555 6666',
        matter: '合同中可能涉及商业秘密的条款',
      },
      '2026-03-05',
    );
    expect(sent.status).toBe(200);
    expect(sent.json.status).toBe('consulting');
    const consultation = sent.json.consultations[0];
    expect(consultation.dueDate).toBe(await dueAfter('2026-03-05', 15));

    const answered = await actAs(
      'clerk',
      trackingNumber,
      `consultations/${consultation.id}/reply`,
      { answer: 'objection', summary: '不同意公开报价部分' },
      consultation.dueDate,
    );
    expect(answered.status).toBe(200);
    expect(answered.json).toMatchObject({ status: 'in_progress', dueDate: await dueAfter(dueDate, 15) });
    expect(
      (
        await actAs(
          'clerk',
          trackingNumber,
          `consultations/${consultation.id}/reply`,
          { answer: 'consent', summary: 'x' },
          consultation.dueDate,
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await actAs(
          'clerk',
          trackingNumber,
          'consultations/c00000000/reply',
          { answer: 'consent', summary: 'x' },
          consultation.dueDate,
        )
      ).status,
    ).toBe(409);
  });
});

describe('notices by post (送达)', () => {
  it('a consultation letter by post: the 15 working days run from the day it was signed for', async () => {
    const { trackingNumber } = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk, {
      receivedOn: '2026-03-02',
    });
    const sent = await actAs(
      'clerk',
      trackingNumber,
      'consultations',
      {
        party: 'third_party',
        name: '某建设公司',
        contact: '某市建设路8号',
        matter: '合同中可能涉及商业秘密的条款',
        deliveredBy: 'post',
      },
      '2026-03-05',
    );
    expect(sent.status).toBe(200);
    const consultation = sent.json.consultations[0];
    expect(consultation).toMatchObject({ dueDate: null, delivery: { method: 'post', deliveredOn: null } });
    expect(sent.json.awaitingDelivery).toEqual([
      {
        notice: 'consultation',
        consultationId: consultation.id,
        sentOn: '2026-03-05',
        method: 'post',
        deliveredOn: null,
        says: '期限自送达之日起计算，等待登记送达日期',
      },
    ]);
    const early = await actAs(
      'clerk',
      trackingNumber,
      'delivery',
      { notice: 'consultation', consultationId: consultation.id, deliveredOn: '2026-03-04' },
      '2026-03-09',
    );
    expect(early.status).toBe(422);
    expect(early.json.type).toBe('urn:gongkai:problem:delivery-date');
    const delivered = await actAs(
      'clerk',
      trackingNumber,
      'delivery',
      { notice: 'consultation', consultationId: consultation.id, deliveredOn: '2026-03-09' },
      '2026-03-10',
    );
    expect(delivered.status).toBe(200);
    expect(delivered.json.consultations[0]).toMatchObject({
      delivery: { method: 'post', deliveredOn: '2026-03-09' },
      dueDate: await dueAfter('2026-03-09', 15),
    });
    expect(delivered.json.awaitingDelivery).toEqual([]);
    const again = await actAs(
      'clerk',
      trackingNumber,
      'delivery',
      { notice: 'consultation', consultationId: consultation.id, deliveredOn: '2026-03-09' },
      '2026-03-10',
    );
    expect(again.status).toBe(409);
    const unknown = await actAs(
      'clerk',
      trackingNumber,
      'delivery',
      { notice: 'consultation', consultationId: 'c00000000', deliveredOn: '2026-03-09' },
      '2026-03-10',
    );
    expect(unknown.json.type).toBe('urn:gongkai:problem:no-such-consultation');
  });
});

describe('extension (延期)', () => {
  it('only an approver, before the due date, within the maximum; the applicant is told', async () => {
    const { trackingNumber, accessToken, dueDate } = await aRegisteredApplication(
      agency.agencyId,
      agency.tokens.clerk,
      { receivedOn: '2026-09-28' },
    );
    expect(
      (
        await actAs(
          'clerk',
          trackingNumber,
          'extension',
          { workingDays: 10, reason: '需要调取档案' },
          '2026-10-20',
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await actAs(
          'approver',
          trackingNumber,
          'extension',
          { workingDays: 10, reason: '需要调取档案' },
          '2026-11-02',
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await actAs(
          'approver',
          trackingNumber,
          'extension',
          { workingDays: 21, reason: '太长' },
          '2026-10-20',
        )
      ).status,
    ).toBe(400);

    const extended = await actAs(
      'approver',
      trackingNumber,
      'extension',
      { workingDays: 15, reason: '需要调取历史档案' },
      '2026-10-20',
    );
    expect(extended.status).toBe(200);
    expect(extended.json.dueDate).toBe(await dueAfter(dueDate, 15));
    const beyond = await actAs(
      'approver',
      trackingNumber,
      'extension',
      { workingDays: 6, reason: '再延' },
      '2026-10-21',
    );
    expect(beyond.status).toBe(422);
    expect(beyond.json.errors).toEqual([{ path: 'body.workingDays', message: 'must be at most 5' }]);

    const page = await statusPage(trackingNumber, accessToken);
    expect(page.json.timeline.map((entry: { type: string }) => entry.type)).toContain('reply_extended');
    expect(page.json.dueDateExplained.at(-1)).toMatchObject({ step: 'extend', workingDays: 15 });
  });

  it('an agency policy stricter than the law binds applications received under it', async () => {
    const strict = await anAgencyWithStaff();
    const read = await api('GET', `/v1/agencies/${strict.agencyId}/policy`, {
      token: strict.tokens.agency_admin,
      now: at('2026-03-01'),
    });
    expect(read.json.inForce).toMatchObject({ replyWorkingDays: 20, maxExtensionWorkingDays: 20 });
    const looser = await api('PUT', `/v1/agencies/${strict.agencyId}/policy`, {
      token: strict.tokens.agency_admin,
      now: at('2026-03-01'),
      body: {
        version: read.json.version,
        policy: {
          effectiveFrom: '2026-03-02',
          replyWorkingDays: 25,
          maxExtensionWorkingDays: 20,
          feePaymentWorkingDays: 20,
          clarificationPeriodWorkingDays: 15,
          consultationWorkingDays: 15,
        },
      },
    });
    expect(looser.status).toBe(400);
    expect(looser.json.errors[0].path).toBe('body.policy.replyWorkingDays');
    const past = await api('PUT', `/v1/agencies/${strict.agencyId}/policy`, {
      token: strict.tokens.agency_admin,
      now: at('2026-03-01'),
      body: {
        version: read.json.version,
        policy: {
          effectiveFrom: '2026-02-01',
          replyWorkingDays: 7,
          maxExtensionWorkingDays: 15,
          feePaymentWorkingDays: 20,
          clarificationPeriodWorkingDays: 15,
          consultationWorkingDays: 15,
        },
      },
    });
    expect(past.status).toBe(422);
    const cut = await api('PUT', `/v1/agencies/${strict.agencyId}/policy`, {
      token: strict.tokens.agency_admin,
      now: at('2026-03-01'),
      body: {
        version: read.json.version,
        policy: {
          effectiveFrom: '2026-03-02',
          replyWorkingDays: 7,
          maxExtensionWorkingDays: 15,
          feePaymentWorkingDays: 10,
          clarificationPeriodWorkingDays: 15,
          consultationWorkingDays: 10,
        },
      },
    });
    expect(cut.status).toBe(422);
    expect(cut.json.type).toBe('urn:gongkai:problem:policy-shortens-period');
    expect(cut.json.errors.map((error: { path: string }) => error.path)).toEqual([
      'body.policy.consultationWorkingDays',
      'body.policy.feePaymentWorkingDays',
    ]);
    const set = await api('PUT', `/v1/agencies/${strict.agencyId}/policy`, {
      token: strict.tokens.agency_admin,
      now: at('2026-03-01'),
      body: {
        version: read.json.version,
        policy: {
          effectiveFrom: '2026-03-02',
          replyWorkingDays: 7,
          maxExtensionWorkingDays: 15,
          feePaymentWorkingDays: 20,
          clarificationPeriodWorkingDays: 15,
          consultationWorkingDays: 15,
        },
      },
    });
    expect(set.status).toBe(200);
    const before = await aRegisteredApplication(strict.agencyId, strict.tokens.clerk, {
      receivedOn: '2026-02-27',
      now: at('2026-03-03'),
    });
    const after = await aRegisteredApplication(strict.agencyId, strict.tokens.clerk, {
      receivedOn: '2026-03-02',
      now: at('2026-03-03'),
    });
    expect(before.dueDate).toBe(await dueAfter('2026-02-27', 20));
    expect(after.dueDate).toBe(await dueAfter('2026-03-02', 7));
    const beyond = await api(
      'POST',
      `/v1/agencies/${strict.agencyId}/applications/${after.trackingNumber}/extension`,
      {
        token: strict.tokens.approver,
        now: at('2026-03-04'),
        body: { workingDays: 16, reason: '超过本机关规定' },
      },
    );
    expect(beyond.status).toBe(422);
    expect(beyond.json.type).toBe('urn:gongkai:problem:extension-too-long');
  });
});

describe('suspension and fees', () => {
  it('force majeure stops the clock; resumption counts the remaining days from the day after', async () => {
    const { trackingNumber, dueDate } = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk, {
      receivedOn: '2026-11-02',
    });
    const suspended = await actAs(
      'clerk',
      trackingNumber,
      'suspension',
      { reason: '台风导致办公场所关闭' },
      '2026-11-05',
    );
    expect(suspended.json).toMatchObject({ status: 'suspended', dueDate: null });
    const resumed = await actAs('clerk', trackingNumber, 'resumption', {}, '2026-11-12');
    // 3 working days were used (11-03..11-05); the other 17 count from the day after 11-12.
    expect(resumed.json).toMatchObject({ status: 'in_progress', dueDate: await dueAfter('2026-11-12', 17) });
    expect(resumed.json.dueDate > dueDate).toBe(true);
  });

  it('a fee by piece counts the applicant’s applications of the month up to this one, not those after it', async () => {
    const applicant = anApplicant();
    const registered = [];
    for (let i = 0; i < 11; i += 1)
      registered.push(
        await aRegisteredApplication(agency.agencyId, agency.tokens.clerk, {
          receivedOn: '2026-12-01',
          now: `2026-12-01T02:${String(i).padStart(2, '0')}:00Z`,
          applicant,
        }),
      );
    const byPiece = { basis: { method: 'by_piece' }, explanation: '按件计收' };
    const tenth = await actAs(
      'clerk',
      registered[9]?.trackingNumber ?? '',
      'fee-notice',
      byPiece,
      '2026-12-02',
    );
    expect(tenth.json.type).toBe('urn:gongkai:problem:no-fee');
    const eleventh = await actAs(
      'clerk',
      registered[10]?.trackingNumber ?? '',
      'fee-notice',
      byPiece,
      '2026-12-02',
    );
    expect(eleventh.json, eleventh.text).toMatchObject({
      status: 'awaiting_fee',
      fee: { amountYuan: 100, units: 11 },
    });
  });

  it('a fee follows the 2020 rules, stops the clock until paid, and is shown to the applicant', async () => {
    const { trackingNumber, accessToken } = await aRegisteredApplication(
      agency.agencyId,
      agency.tokens.clerk,
      { receivedOn: '2026-11-02' },
    );
    const free = await actAs(
      'clerk',
      trackingNumber,
      'fee-notice',
      { basis: { method: 'by_piece' }, explanation: '按件计收' },
      '2026-11-03',
    );
    expect(free.status).toBe(422);
    expect(free.json.type).toBe('urn:gongkai:problem:no-fee');
    const notice = await actAs(
      'clerk',
      trackingNumber,
      'fee-notice',
      { basis: { method: 'by_volume', pages: 120 }, explanation: '申请内容达120页' },
      '2026-11-03',
    );
    expect(notice.status).toBe(200);
    // 70 pages at 10 yuan (31–100) and 20 at 20 yuan (101–120).
    expect(notice.json).toMatchObject({
      status: 'awaiting_fee',
      fee: { amountYuan: 1100, units: 120, method: 'by_volume', dueDate: await dueAfter('2026-11-03', 20) },
    });
    const page = await statusPage(trackingNumber, accessToken);
    expect(page.json.requests).toContainEqual(
      expect.objectContaining({ kind: 'fee', amountYuan: 1100, paid: false }),
    );
    const paid = await actAs(
      'clerk',
      trackingNumber,
      'fee-payment',
      { reference: 'POS-2026-11-10-0042' },
      '2026-11-10',
    );
    expect(paid.json).toMatchObject({ status: 'in_progress', dueDate: await dueAfter('2026-11-10', 19) });
  });
});

describe('decisions', () => {
  it('the decision letter can be read the moment its link is shown: no wait for the archiver', async () => {
    // Five decisions at once, each letter fetched as soon as the status page links it (no stream drain).
    const letters = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const { trackingNumber, accessToken } = await aRegisteredApplication(
          agency.agencyId,
          agency.tokens.clerk,
        );
        const decided = await actAs(
          'clerk',
          trackingNumber,
          'decision',
          { outcome: 'otherwise_handled', reason: 'other', legalBasis: '—', reasons: '申请人当面撤回' },
          '2026-10-09',
        );
        expect(decided.status).toBe(200);
        const page = await statusPage(trackingNumber, accessToken);
        const letter = await fetch(page.json.decision.letterUrl);
        return { status: letter.status, text: await letter.text() };
      }),
    );
    expect(letters.map((letter) => letter.status)).toEqual([200, 200, 200, 200, 200]);
    for (const letter of letters) expect(letter.text).toContain('政府信息公开申请答复告知书');
  });

  it('a refusal without its legal basis and reasons is 422, naming what is missing', async () => {
    const { trackingNumber } = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk);
    const response = await actAs(
      'clerk',
      trackingNumber,
      'decision',
      { outcome: 'not_disclosed', reason: 'process_information' },
      '2026-10-09',
    );
    expect(response.status).toBe(422);
    expect(response.json.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'body.legalBasis',
      'body.reasons',
    ]);
    const unknownReason = await actAs(
      'clerk',
      trackingNumber,
      'decision',
      { outcome: 'not_disclosed', reason: 'because', legalBasis: 'x', reasons: 'y' },
      '2026-10-09',
    );
    expect(unknownReason.status).toBe(400);
  });

  it('two concurrent decisions: exactly one succeeds, the other is 409', async () => {
    const { trackingNumber } = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk);
    const decision = {
      outcome: 'disclosed',
      published: {
        where: '本机关门户网站',
        publishedOn: '2026-01-05',
        url: 'https://gov.example.cn/xxgk/2026/0001.html',
      },
    };
    const responses = await Promise.all([
      actAs('clerk', trackingNumber, 'decision', decision, '2026-10-09'),
      actAs('approver', trackingNumber, 'decision', decision, '2026-10-09'),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
  });

  it.each([
    [
      {
        outcome: 'disclosed',
        published: { where: '本机关门户网站“政府信息公开”栏目', publishedOn: '2026-01-05' },
      },
      '予以公开',
    ],
    [
      {
        outcome: 'cannot_provide',
        reason: 'not_held',
        heldBy: { name: '市住房和城乡建设局', contact: '021-1234 5678' },
        legalBasis: '《条例》第三十六条第（五）项',
        reasons: '该信息由市住建局制作保存',
      },
      '无法提供（本机关不掌握相关政府信息）',
    ],
    [
      {
        outcome: 'not_processed',
        reason: 'petition_complaint',
        legalBasis: '《条例》第三十九条',
        reasons: '申请实为信访投诉',
      },
      '不予处理（信访举报投诉类申请）',
    ],
    [
      { outcome: 'otherwise_handled', reason: 'other', legalBasis: '—', reasons: '申请人当面撤回' },
      '其他处理（其他）',
    ],
  ])('%j is decided, lettered and archived', async (decision, label) => {
    const { trackingNumber, accessToken } = await aRegisteredApplication(
      agency.agencyId,
      agency.tokens.clerk,
    );
    const decided = await actAs('clerk', trackingNumber, 'decision', decision, '2026-10-09');
    expect(decided.status).toBe(200);
    expect(decided.json.status).toBe('decided');
    await drainStream();
    const page = await statusPage(trackingNumber, accessToken);
    expect(page.json.decision).toMatchObject({ label, decidedOn: '2026-10-09' });
    const letter = await fetch(page.json.decision.letterUrl);
    expect(letter.status).toBe(200);
    const html = await letter.text();
    expect(html).toContain('政府信息公开申请答复告知书');
    expect(html).toContain(label.split('（')[0]);
    expect(html).toContain('六十日内');
    // Decided cases take no further action.
    expect(
      (await actAs('approver', trackingNumber, 'extension', { workingDays: 5, reason: 'x' }, '2026-10-10'))
        .status,
    ).toBe(409);
  });

  it('partial disclosure releases files uploaded through presigned URLs, with download links', async () => {
    const upload = await api('POST', '/v1/uploads', {
      body: { contentType: 'application/pdf', size: 11, fileName: '部分公开材料.pdf' },
    });
    expect(upload.status).toBe(201);
    const put = await fetch(upload.json.url, {
      method: 'PUT',
      headers: upload.json.headers,
      body: '%PDF-1.4 xx',
    });
    expect(put.status).toBe(200);
    const { trackingNumber, accessToken } = await aRegisteredApplication(
      agency.agencyId,
      agency.tokens.clerk,
    );
    const missing = await actAs(
      'clerk',
      trackingNumber,
      'decision',
      {
        outcome: 'partially_disclosed',
        withheldBecause: 'third_party_rights',
        releasedFiles: [{ uploadKey: 'incoming/00000000-0000-4000-8000-000000000000', name: 'x.pdf' }],
        legalBasis: '《条例》第三十七条',
        reasons: '涉及第三方商业秘密的部分不予公开',
      },
      '2026-10-09',
    );
    expect(missing.status).toBe(422);
    const decided = await actAs(
      'clerk',
      trackingNumber,
      'decision',
      {
        outcome: 'partially_disclosed',
        withheldBecause: 'third_party_rights',
        releasedFiles: [{ uploadKey: upload.json.uploadKey, name: '部分公开材料.pdf' }],
        legalBasis: '《条例》第三十七条',
        reasons: '涉及第三方商业秘密的部分不予公开',
      },
      '2026-10-09',
    );
    expect(decided.status).toBe(200);
    const page = await statusPage(trackingNumber, accessToken);
    expect(page.json.decision.files[0].name).toBe('部分公开材料.pdf');
    const file = await fetch(page.json.decision.files[0].url);
    expect(await file.text()).toBe('%PDF-1.4 xx');
  });
});

describe('decision letters since 2024: remedies, third parties, how to obtain the information', () => {
  it('a refusal sends the applicant to reconsideration first, before the government the department belongs to', async () => {
    const government = await aNewAgency({ level: 'government', name: '测试市人民政府' });
    const department = await anAgencyWithStaff({ level: 'department', parentAgencyId: government.agencyId });
    const { trackingNumber, accessToken } = await aRegisteredApplication(
      department.agencyId,
      department.tokens.clerk,
    );
    const decided = await api(
      'POST',
      `/v1/agencies/${department.agencyId}/applications/${trackingNumber}/decision`,
      {
        token: department.tokens.approver,
        now: at('2026-10-09'),
        body: {
          outcome: 'not_disclosed',
          reason: 'state_secret',
          legalBasis: '《条例》第十四条',
          reasons: '经审查属于国家秘密',
        },
      },
    );
    expect(decided.status).toBe(200);
    await drainStream();
    const page = await statusPage(trackingNumber, accessToken);
    const html = await (await fetch(page.json.decision.letterUrl)).text();
    expect(html).toContain(
      '<p>如对本答复不服，依照《中华人民共和国行政复议法》第二十三条的规定，应当先申请行政复议：可以自收到本告知书之日起六十日内向测试市人民政府申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼；行政复议机关逾期不作决定的，可以自复议期满之日起十五日内依法向人民法院提起行政诉讼。</p>',
    );
    expect(html).not.toContain('六个月');
  });

  it('a consulted third party: no decision while it may answer (409); disclosing against its objection needs the notice, archived first (422 without)', async () => {
    const { trackingNumber } = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk, {
      receivedOn: '2026-09-28',
    });
    const sent = await actAs(
      'clerk',
      trackingNumber,
      'consultations',
      {
        party: 'third_party',
        name: '某化工有限公司',
        contact: '010-12345678',
        matter: '工艺参数是否同意公开',
      },
      '2026-10-12',
    );
    const cid = sent.json.consultations[0].id as string;
    const disclosure = { outcome: 'disclosed', published: { where: '门户网站', publishedOn: '2026-01-05' } };
    const early = await actAs('approver', trackingNumber, 'decision', disclosure, '2026-10-13');
    expect(early.status).toBe(409);
    expect(early.json.detail).toContain(`No decision while a consultation is open: ${cid} (某化工有限公司`);
    const notice = {
      content: '环评批复全文',
      reasons: '涉及公众环境权益，不公开可能对公共利益造成重大影响。',
    };
    const tooSoon = await actAs(
      'clerk',
      trackingNumber,
      `consultations/${cid}/disclosure-notice`,
      notice,
      '2026-10-13',
    );
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.json.type).toBe('urn:gongkai:problem:notice-without-objection');
    await actAs(
      'clerk',
      trackingNumber,
      `consultations/${cid}/reply`,
      { answer: 'objection', summary: '涉及商业秘密' },
      '2026-10-20',
    );
    const unnotified = await actAs('approver', trackingNumber, 'decision', disclosure, '2026-10-21');
    expect(unnotified.status).toBe(422);
    expect(unnotified.json).toMatchObject({
      type: 'urn:gongkai:problem:third-party-not-notified',
      errors: [{ path: `consultations.${cid}` }],
    });
    const notified = await actAs(
      'clerk',
      trackingNumber,
      `consultations/${cid}/disclosure-notice`,
      notice,
      '2026-10-21',
    );
    expect(notified.status).toBe(200);
    const recorded = notified.json.consultations[0].disclosureNotice;
    expect(recorded).toMatchObject({ sentOn: '2026-10-21', ...notice });
    expect(
      (await actAs('clerk', trackingNumber, `consultations/${cid}/disclosure-notice`, notice, '2026-10-21'))
        .status,
    ).toBe(409);
    const decided = await actAs('approver', trackingNumber, 'decision', disclosure, '2026-10-22');
    expect(decided.status).toBe(200);
    await drainStream();
    const letter = await fetch(recorded.letterUrl);
    expect(letter.status).toBe(200);
    const html = await letter.text();
    expect(html).toContain('<p>某化工有限公司：</p>');
    expect(html).toContain('<p>公开内容：环评批复全文</p>');
    const view = await api('GET', caseUrl(trackingNumber), { token: agency.tokens.clerk });
    const types = view.json.timeline.map((event: { type: string }) => event.type);
    expect(types.indexOf('third_party_notified')).toBeLessThan(types.indexOf('decision_made'));
    expect(view.json.consultations[0].disclosureNotice.letterKey).toBe(recorded.letterKey);
  });

  it('a disclosure without files says how and when to obtain it; “already published” names a public publication', async () => {
    const inspection = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk);
    const byInspection = await actAs(
      'clerk',
      inspection.trackingNumber,
      'decision',
      {
        outcome: 'disclosed',
        access: [
          {
            method: 'inspection',
            place: '测试市中山路100号档案室',
            from: '2026-10-12',
            until: '2026-10-16',
            hours: '9:00–17:00',
          },
          { method: 'post', sendBy: '2026-10-14' },
        ],
      },
      '2026-10-09',
    );
    expect(byInspection.status).toBe(200);
    await drainStream();
    const page = await statusPage(inspection.trackingNumber, inspection.accessToken);
    expect(page.json.decision).toMatchObject({
      label: '予以公开',
      published: null,
      access: [{ method: 'inspection' }, { method: 'post' }],
    });
    const html = await (await fetch(page.json.decision.letterUrl)).text();
    expect(html).toContain(
      '<p>您可于2026年10月12日至2026年10月16日期间（9:00–17:00）到测试市中山路100号档案室查阅该信息。</p>',
    );
    expect(html).not.toContain('已经主动公开');

    const { publicationId } = await aPublishedDocument(agency.agencyId);
    const internal = await aPublishedDocument(agency.agencyId, aDocument({ audience: 'internal' }));
    const published = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk);
    const notPublic = await actAs(
      'clerk',
      published.trackingNumber,
      'decision',
      { outcome: 'disclosed', published: { publicationId: internal.publicationId } },
      '2026-10-09',
    );
    expect(notPublic.status).toBe(422);
    expect(notPublic.json).toMatchObject({
      type: 'urn:gongkai:problem:not-published',
      errors: [{ path: 'body.published.publicationId' }],
    });
    const named = await actAs(
      'clerk',
      published.trackingNumber,
      'decision',
      { outcome: 'disclosed', published: { publicationId } },
      '2026-10-09',
    );
    expect(named.status).toBe(200);
    await drainStream();
    const letter = await (
      await fetch((await statusPage(published.trackingNumber, published.accessToken)).json.decision.letterUrl)
    ).text();
    expect(letter).toContain(
      `在本机关的政府信息公开目录中主动公开，题为“关于2026年城市道路维修计划的通知”（示政办发〔2026〕12号），公开编号${publicationId}，请在该目录中查阅。`,
    );
  });
});

describe('the applicant', () => {
  it('a retried POST with the same Idempotency-Key returns the same application, and makes one record', async () => {
    const fresh = await anAgencyWithStaff();
    const key = uniqueId('idem');
    const body = { applicant: anApplicant(), request: anInformationRequest() };
    const [first, second] = await Promise.all([
      api('POST', `/v1/agencies/${fresh.agencyId}/applications`, {
        body,
        headers: { 'idempotency-key': key },
      }),
      api('POST', `/v1/agencies/${fresh.agencyId}/applications`, {
        body,
        headers: { 'idempotency-key': key },
      }),
    ]);
    const third = await api('POST', `/v1/agencies/${fresh.agencyId}/applications`, {
      body,
      headers: { 'idempotency-key': key },
    });
    for (const response of [first, second, third]) expect(response.status).toBe(201);
    expect(
      new Set([first.json.trackingNumber, second.json.trackingNumber, third.json.trackingNumber]).size,
    ).toBe(1);
    expect(new Set([first.json.accessToken, second.json.accessToken, third.json.accessToken]).size).toBe(1);
    expect((await statusPage(first.json.trackingNumber, third.json.accessToken)).status).toBe(200);
    const queue = await api('GET', `/v1/agencies/${fresh.agencyId}/applications`, {
      token: fresh.tokens.clerk,
    });
    expect(queue.json.items).toHaveLength(1);

    const reused = await api('POST', `/v1/agencies/${fresh.agencyId}/applications`, {
      body: { ...body, request: anInformationRequest({ description: '另一项' }) },
      headers: { 'idempotency-key': key },
    });
    expect(reused.status).toBe(422);
    expect(reused.json.errors[0].path).toBe('header.idempotency-key');
  });

  it('withdraws; nothing more can be done on the case', async () => {
    const { trackingNumber, accessToken } = await aRegisteredApplication(
      agency.agencyId,
      agency.tokens.clerk,
    );
    const withdrawn = await api('POST', `/v1/applications/${trackingNumber}/withdrawal`, {
      headers: { 'x-access-token': accessToken },
      body: { reason: '已通过其他途径获得' },
      now: at('2026-10-09'),
    });
    expect(withdrawn.json.status).toBe('withdrawn');
    expect(
      (
        await actAs(
          'clerk',
          trackingNumber,
          'decision',
          { outcome: 'disclosed', published: { where: '门户网站', publishedOn: '2026-01-05' } },
          '2026-10-10',
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await api('POST', `/v1/applications/${trackingNumber}/withdrawal`, {
          headers: { 'x-access-token': accessToken },
          body: {},
        })
      ).status,
    ).toBe(409);
  });

  it('the case shows the same applicant’s other applications (matched by keyed hash) and the monthly count', async () => {
    const applicant = anApplicant();
    const first = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk, {
      applicant,
      receivedOn: '2026-09-28',
    });
    const second = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk, {
      applicant: { ...applicant, name: '张三（同一人）' },
      receivedOn: '2026-09-28',
    });
    const view = await api('GET', caseUrl(second.trackingNumber), { token: agency.tokens.clerk });
    expect(view.json.applicantHistory.map((entry: { applicationId: string }) => entry.applicationId)).toEqual(
      [first.trackingNumber],
    );
    expect(view.json.applicationsThisMonth).toBe(2);
    expect(JSON.stringify(view.json)).not.toContain('applicantKey');
  });
});

describe('assignment and the work queue', () => {
  it('assigns a clerk as handler; a non-clerk is refused', async () => {
    const { trackingNumber } = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk);
    const assigned = await actAs(
      'approver',
      trackingNumber,
      'assignment',
      { staffId: agency.staffIds.clerk },
      '2026-09-29',
    );
    expect(assigned.json.assignee).toMatchObject({
      staffId: agency.staffIds.clerk,
      assignedOn: '2026-09-29',
    });
    const wrong = await actAs(
      'approver',
      trackingNumber,
      'assignment',
      { staffId: agency.staffIds.reviewer },
      '2026-09-29',
    );
    expect(wrong.status).toBe(422);
  });

  it('lists open applications by due date, filtered by status and due date, with personal data masked', async () => {
    const fresh = await anAgencyWithStaff();
    const applicant = anApplicant();
    const early = await aRegisteredApplication(fresh.agencyId, fresh.tokens.clerk, {
      receivedOn: '2026-03-02',
      applicant,
    });
    const late = await aRegisteredApplication(fresh.agencyId, fresh.tokens.clerk, {
      receivedOn: '2026-05-06',
    });
    const queue = await api('GET', `/v1/agencies/${fresh.agencyId}/applications`, {
      token: fresh.tokens.reviewer,
    });
    expect(queue.json.items.map((item: { trackingNumber: string }) => item.trackingNumber)).toEqual([
      early.trackingNumber,
      late.trackingNumber,
    ]);
    const text = JSON.stringify(queue.json);
    expect(text).not.toContain((applicant.idDocument as { number: string }).number);
    expect(text).not.toContain(applicant.phone);
    expect(queue.json.items[0].applicant.idDocument.number).toMatch(/^\*{14}\d{4}$/);
    const dueSoon = await api('GET', `/v1/agencies/${fresh.agencyId}/applications?dueBefore=2026-04-30`, {
      token: fresh.tokens.clerk,
    });
    expect(dueSoon.json.items.map((item: { trackingNumber: string }) => item.trackingNumber)).toEqual([
      early.trackingNumber,
    ]);
    await api('POST', `/v1/agencies/${fresh.agencyId}/applications/${early.trackingNumber}/decision`, {
      token: fresh.tokens.clerk,
      now: at('2026-03-10'),
      body: { outcome: 'disclosed', published: { where: '门户网站', publishedOn: '2026-01-05' } },
    });
    const closed = await api('GET', `/v1/agencies/${fresh.agencyId}/applications?status=closed`, {
      token: fresh.tokens.clerk,
    });
    expect(closed.json.items.map((item: { trackingNumber: string }) => item.trackingNumber)).toEqual([
      early.trackingNumber,
    ]);
    const inProgress = await api('GET', `/v1/agencies/${fresh.agencyId}/applications?status=in_progress`, {
      token: fresh.tokens.clerk,
    });
    expect(inProgress.json.items.map((item: { trackingNumber: string }) => item.trackingNumber)).toEqual([
      late.trackingNumber,
    ]);
  });
});

describe('personal data', () => {
  it('identity and phone numbers never appear in logs or archive keys', async () => {
    const applicant = anApplicant();
    const { trackingNumber } = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk, {
      applicant,
    });
    await actAs(
      'clerk',
      trackingNumber,
      'decision',
      { outcome: 'not_disclosed', reason: 'state_secret' },
      '2026-10-09',
    ); // refused: logged
    await actAs(
      'clerk',
      trackingNumber,
      'decision',
      { outcome: 'disclosed', published: { where: '门户网站', publishedOn: '2026-01-05' } },
      '2026-10-09',
    );
    await drainStream();
    const number = (applicant.idDocument as { number: string }).number;
    const log = await readFile(inject('localCloudLog'), 'utf8');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(number);
    expect(log).not.toContain(applicant.phone);
    const keys = (await archivedObjects(`agency=${agency.agencyId}/`)).map((object) => object.key);
    expect(keys.some((key) => key.includes(trackingNumber))).toBe(true);
    expect(keys.some((key) => key.includes(number) || key.includes(applicant.phone))).toBe(false);
  });
});

describe('statistics for the annual report', () => {
  it('receipt and every decision move the counters of the year, by applicant column and outcome row, in the same transaction', async () => {
    const { keys } = await import('#lib/adapters/keys');
    const { localRecordsTable } = await import('#test/support/api');
    const table = localRecordsTable();
    const fresh = await anAgencyWithStaff();
    const company = anApplicant({
      type: 'organisation',
      organisationType: 'commercial_enterprise',
      name: '某某科技有限公司',
      idDocument: { type: 'unified_social_credit_code', number: '91310000MA1FL1234X' },
    });
    const person = await aRegisteredApplication(fresh.agencyId, fresh.tokens.clerk, {
      receivedOn: '2026-09-28',
    });
    const firm = await aRegisteredApplication(fresh.agencyId, fresh.tokens.clerk, {
      receivedOn: '2026-09-28',
      applicant: company,
    });
    await aRegisteredApplication(fresh.agencyId, fresh.tokens.clerk, { receivedOn: '2026-09-28' });
    const decide = (id: string, body: unknown) =>
      api('POST', `/v1/agencies/${fresh.agencyId}/applications/${id}/decision`, {
        token: fresh.tokens.clerk,
        body,
        now: at('2026-10-09'),
      });
    expect(
      (
        await decide(person.trackingNumber, {
          outcome: 'disclosed',
          published: { where: '门户网站', publishedOn: '2026-01-05' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await decide(firm.trackingNumber, {
          outcome: 'not_disclosed',
          reason: 'third_party_rights',
          legalBasis: '《条例》第十五条',
          reasons: '涉及商业秘密',
        })
      ).status,
    ).toBe(200);
    const counters = await table.get(keys.statistics(fresh.agencyId, 2026));
    expect(counters).toMatchObject({
      'received.natural_person': 2,
      'received.commercial_enterprise': 1,
      'decided.disclosed.natural_person': 1,
      'decided.not_disclosed.third_party_rights.commercial_enterprise': 1,
    });
  });
});

describe('fees under the 2020 rules (《政府信息公开信息处理费管理办法》)', () => {
  it('a letter counts in the month it was received; one application may count as several pieces; each later one moves on', async () => {
    const applicant = anApplicant();
    // Received November 30, registered December 1 before December's letters: it is November's.
    const late = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk, {
      receivedOn: '2026-11-30',
      now: '2026-12-01T01:00:00Z',
      applicant,
    });
    const december = [];
    for (let i = 0; i < 10; i += 1)
      december.push(
        await aRegisteredApplication(agency.agencyId, agency.tokens.clerk, {
          receivedOn: '2026-12-01',
          now: `2026-12-01T02:${String(i).padStart(2, '0')}:00Z`,
          applicant,
        }),
      );
    const byPiece = { basis: { method: 'by_piece' }, explanation: '按件计收' };
    const tenth = december[9]?.trackingNumber ?? '';
    const free = await actAs('clerk', tenth, 'fee-notice', byPiece, '2026-12-02');
    expect(free.json.type).toBe('urn:gongkai:problem:no-fee');
    // The 9th of December asks for three matters: pieces 9, 10 and 11 of the month.
    const threeMatters = { count: 3, reason: '一份申请包含三个项目的环评批复，按“一事一申请”拆分' };
    const ninth = await actAs(
      'clerk',
      december[8]?.trackingNumber ?? '',
      'fee-notice',
      { ...byPiece, basis: { method: 'by_piece', pieces: threeMatters } },
      '2026-12-02',
    );
    expect(ninth.json, ninth.text).toMatchObject({
      status: 'awaiting_fee',
      fee: { units: 11, amountYuan: 100, pieces: threeMatters },
    });
    // Now the 10th is piece 12.
    const charged = await actAs('clerk', tenth, 'fee-notice', byPiece, '2026-12-02');
    expect(charged.json, charged.text).toMatchObject({ fee: { units: 12, amountYuan: 100 } });
    const lateCase = await api('GET', caseUrl(late.trackingNumber), { token: agency.tokens.clerk });
    expect(lateCase.json.applicationsThisMonth).toBe(1);
    const tenthCase = await api('GET', caseUrl(tenth), { token: agency.tokens.clerk });
    expect(tenthCase.json.applicationsThisMonth).toBe(12);
  });

  it('a fee by volume is refused for information given online (Art. 5)', async () => {
    const registered = await api('POST', `/v1/agencies/${agency.agencyId}/applications/registrations`, {
      token: agency.tokens.clerk,
      now: at('2026-11-02'),
      body: {
        channel: 'letter_registered',
        receivedOn: '2026-11-02',
        applicant: anApplicant(),
        request: { ...anInformationRequest(), form: 'electronic', delivery: 'online' },
      },
    });
    expect(registered.status).toBe(201);
    const refused = await actAs(
      'clerk',
      registered.json.trackingNumber,
      'fee-notice',
      { basis: { method: 'by_volume', pages: 120 }, explanation: '申请内容达120页' },
      '2026-11-03',
    );
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({
      type: 'urn:gongkai:problem:fee-by-volume-not-applicable',
      errors: [{ path: 'body.basis.method' }],
    });
  });
});

describe('the fees in the annual report (section 六)', () => {
  it('the draft counts the fee notices sent, their total and the fees collected, from the fee records', async () => {
    const fresh = await anAgencyWithStaff();
    const onCase = (id: string, action: string, body: unknown, date: string) =>
      api('POST', `/v1/agencies/${fresh.agencyId}/applications/${id}/${action}`, {
        token: fresh.tokens.clerk,
        body,
        now: at(date),
      });
    const paid = await aRegisteredApplication(fresh.agencyId, fresh.tokens.clerk, {
      receivedOn: '2026-11-02',
    });
    const unpaid = await aRegisteredApplication(fresh.agencyId, fresh.tokens.clerk, {
      receivedOn: '2026-11-02',
    });
    const byVolume = (pages: number) => ({ basis: { method: 'by_volume', pages }, explanation: '按量计收' });
    // A notice writes two counter cells of one year's item in its transaction.
    expect((await onCase(paid.trackingNumber, 'fee-notice', byVolume(120), '2026-11-03')).status).toBe(200);
    expect((await onCase(unpaid.trackingNumber, 'fee-notice', byVolume(40), '2026-11-03')).status).toBe(200);
    expect((await onCase(paid.trackingNumber, 'fee-payment', {}, '2026-11-10')).status).toBe(200);
    const draft = await api('POST', `/v1/agencies/${fresh.agencyId}/annual-reports/2026/draft`, {
      token: fresh.tokens.agency_admin,
      body: {},
      now: '2027-01-05T02:00:00Z',
    });
    expect(draft.status, draft.text).toBe(200);
    expect(draft.json.content.fees).toEqual({ notices: 2, noticedYuan: 1200, collectedYuan: 1100 });
  });
});

describe('a request beyond a reasonable number or frequency (Reg. 35)', () => {
  it('the agency asks for reasons, the applicant gives them, and a later reply date is set and shown', async () => {
    const { trackingNumber, accessToken } = await aRegisteredApplication(
      agency.agencyId,
      agency.tokens.clerk,
      { receivedOn: '2026-09-28' },
    );
    const question = '您本月已提交37件申请，请说明申请的用途和理由';
    const asked = await actAs('clerk', trackingNumber, 'reasons-request', { question }, '2026-10-09');
    expect(asked.status, asked.text).toBe(200);
    expect(asked.json).toMatchObject({ status: 'in_progress', dueDate: '2026-10-30' });
    const early = await actAs(
      'approver',
      trackingNumber,
      'later-reply-date',
      { dueDate: '2026-11-30', reason: '涉及十年间的档案' },
      '2026-10-09',
    );
    expect(early.status).toBe(422);
    expect(early.json.type).toBe('urn:gongkai:problem:later-reply-date');

    const given = await api('POST', `/v1/applications/${trackingNumber}/reasons`, {
      headers: { 'x-access-token': accessToken },
      body: { reasons: '为撰写本市河道治理研究报告，需要逐年核对各区的环评批复' },
      now: at('2026-10-12'),
    });
    expect(given.status, given.text).toBe(200);
    expect(given.json.requests).toContainEqual(
      expect.objectContaining({ kind: 'reasons', question, answered: true, answeredOn: '2026-10-12' }),
    );
    const notLater = await actAs(
      'approver',
      trackingNumber,
      'later-reply-date',
      { dueDate: '2026-10-30', reason: '涉及十年间的档案' },
      '2026-10-20',
    );
    expect(notLater.status).toBe(422);
    expect(notLater.json.errors).toEqual([{ path: 'body.dueDate', message: 'must be after 2026-10-30' }]);
    const set = await actAs(
      'approver',
      trackingNumber,
      'later-reply-date',
      { dueDate: '2026-11-30', reason: '涉及十年间的档案，需要调卷核对' },
      '2026-10-20',
    );
    expect(set.status, set.text).toBe(200);
    expect(set.json).toMatchObject({ dueDate: '2026-11-30' });

    const page = await statusPage(trackingNumber, accessToken);
    expect(page.json).toMatchObject({
      dueDate: '2026-11-30',
      laterReplyDate: {
        dueDate: '2026-11-30',
        setOn: '2026-10-20',
        reason: '涉及十年间的档案，需要调卷核对',
      },
    });
    expect(page.json.timeline.map((entry: { type: string }) => entry.type)).toEqual([
      'application_registered',
      'reasons_requested',
      'reasons_received',
      'reply_date_set',
    ]);
  });

  it('a clerk records reasons received by letter; only an approver sets the later date', async () => {
    const { trackingNumber } = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk, {
      receivedOn: '2026-09-28',
    });
    const notAsked = await actAs('clerk', trackingNumber, 'reasons', { reasons: '来信说明' }, '2026-10-09');
    expect(notAsked.status).toBe(409);
    await actAs('clerk', trackingNumber, 'reasons-request', { question: '请说明理由' }, '2026-10-09');
    const recorded = await actAs('clerk', trackingNumber, 'reasons', { reasons: '来信说明' }, '2026-10-14');
    expect(recorded.json.volumeReview).toMatchObject({ answeredOn: '2026-10-14', reasons: '来信说明' });
    const byClerk = await actAs(
      'clerk',
      trackingNumber,
      'later-reply-date',
      { dueDate: '2026-11-30', reason: '调卷' },
      '2026-10-20',
    );
    expect(byClerk.status).toBe(403);
  });
});
