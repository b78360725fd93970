import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Applicant,
  applicantIdentity,
  columnOf,
  InformationRequest,
  maskedApplicant,
  maskIdNumber,
  maskPhone,
} from '#lib/domain/application/applicant';
import type { Application, Decision } from '#lib/domain/application/application';
import { decisionLetterHtml, type LetterParties } from '#lib/domain/application/decision-letter';
import { FeeBasis, feeByPiece, feeByVolume, feeFor } from '#lib/domain/application/fees';
import {
  CANNOT_PROVIDE_REASONS,
  DecisionInput,
  NOT_DISCLOSED_REASONS,
  NOT_PROCESSED_REASONS,
  OTHERWISE_HANDLED_REASONS,
  outcomeLabel,
  outcomeRow,
} from '#lib/domain/application/outcomes';
import {
  DEFAULT_POLICY,
  DisclosurePolicy,
  policyOn,
  REGULATION_LIMITS,
} from '#lib/domain/application/policy';
import {
  applicantKeyOf,
  hashToken,
  idempotencyKeyHash,
  newAccessToken,
  newTrackingNumber,
  requestHash,
  sealToken,
  TRACKING_NUMBER,
  TrackingNumber,
  tokenMatches,
  unsealToken,
} from '#lib/domain/application/secrets';
import { RESULT_ROWS } from '#lib/domain/annual-report';
import { isoDateOfDayNumber, dayNumberOf } from '#lib/domain/calendar/civil-date';
import { aDecision, anApplicant, anApplication, UPLOAD } from '#test/support/domain';

describe('processing fees by piece (《政府信息公开信息处理费管理办法》: per applicant per natural month)', () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
  ])('the application no. %i of the month costs %i yuan', (ordinal, yuan) => {
    expect(feeByPiece(ordinal)).toBe(yuan);
  });

  it('the first 30 applications of a month cost 2000 yuan in all (10 free, 20 at 100)', () => {
    const total = Array.from({ length: 30 }, (_, index) => feeByPiece(index + 1)).reduce((a, b) => a + b, 0);
    expect(total).toBe(2000);
  });

  it('the price per piece rises by 100 yuan only after the 10th, the 30th, and each further 10th (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (ordinal) => {
        const step = ordinal === 10 || (ordinal >= 30 && ordinal % 10 === 0) ? 100 : 0;
        expect(feeByPiece(ordinal + 1) - feeByPiece(ordinal)).toBe(step);
      }),
    );
  });
});

describe('processing fees by volume (per application)', () => {
  it.each([
    [1, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ])('%i pages cost %i yuan', (pages, yuan) => {
    expect(feeByVolume(pages)).toBe(yuan);
  });

  it('each page costs the rate of its band: 0 up to 30, 10 to 100, 20 to 200, then 40 (property)', () => {
    const rate = (page: number) => (page <= 30 ? 0 : page <= 100 ? 10 : page <= 200 ? 20 : 40);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (pages) => {
        expect(feeByVolume(pages) - feeByVolume(pages - 1)).toBe(rate(pages));
      }),
    );
  });

  it('both fees are monotone in their units (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (a, more) => {
        expect(feeByVolume(a + more)).toBeGreaterThanOrEqual(feeByVolume(a));
        expect(feeByPiece(a + more)).toBeGreaterThanOrEqual(feeByPiece(a));
      }),
    );
  });
});

describe('one fee method per application, never both', () => {
  it('by piece, the fee depends on the application’s rank in the month', () => {
    expect(feeFor({ method: 'by_piece' }, 11)).toEqual({ amountYuan: 100, units: 11 });
    expect(feeFor({ method: 'by_piece' }, 3)).toEqual({ amountYuan: 0, units: 3 });
  });

  it('by volume, only the pages count, whatever the rank in the month', () => {
    expect(feeFor({ method: 'by_volume', pages: 120 }, 45)).toEqual({ amountYuan: 1100, units: 120 });
  });

  it('a basis naming pages for a piece fee, or a volume fee without whole pages, is refused', () => {
    expect(FeeBasis.safeParse({ method: 'by_piece', pages: 40 }).success).toBe(false);
    expect(FeeBasis.safeParse({ method: 'by_volume' }).success).toBe(false);
    expect(FeeBasis.safeParse({ method: 'by_volume', pages: 0 }).success).toBe(false);
    expect(FeeBasis.safeParse({ method: 'by_volume', pages: 1.5 }).success).toBe(false);
    expect(FeeBasis.safeParse({ method: 'by_size' }).success).toBe(false);
  });
});

describe('outcomes of an application (Reg. 36–39) and the annual report’s rows', () => {
  const keys = <T extends object>(record: T) => Object.keys(record) as (keyof T & string)[];
  /** One decision per outcome and reason the national format counts. */
  const everyDecision = [
    { outcome: 'disclosed' as const },
    ...keys(NOT_DISCLOSED_REASONS).map((reason) => ({ outcome: 'partially_disclosed' as const, reason })),
    ...keys(NOT_DISCLOSED_REASONS).map((reason) => ({ outcome: 'not_disclosed' as const, reason })),
    ...keys(CANNOT_PROVIDE_REASONS).map((reason) => ({ outcome: 'cannot_provide' as const, reason })),
    ...keys(NOT_PROCESSED_REASONS).map((reason) => ({ outcome: 'not_processed' as const, reason })),
    ...keys(OTHERWISE_HANDLED_REASONS).map((reason) => ({ outcome: 'otherwise_handled' as const, reason })),
  ];

  it('every outcome and reason falls in exactly one of the 21 result rows of 三、(三), in the format’s order', () => {
    const rows = [...new Set(everyDecision.map((decision) => outcomeRow(decision)))];
    expect(rows).toEqual(RESULT_ROWS.map((row) => row.key));
    expect(rows).toHaveLength(21);
  });

  it('a partial disclosure counts only as 部分公开, whatever was withheld', () => {
    expect(outcomeRow({ outcome: 'partially_disclosed', reason: 'third_party_rights' })).toBe(
      'partially_disclosed',
    );
    expect(outcomeRow({ outcome: 'not_disclosed', reason: 'third_party_rights' })).toBe(
      'not_disclosed.third_party_rights',
    );
    expect(outcomeRow({ outcome: 'disclosed' })).toBe('disclosed');
  });

  it.each([
    [{ outcome: 'disclosed' as const }, '予以公开'],
    [{ outcome: 'partially_disclosed' as const }, '部分公开'],
    [{ outcome: 'partially_disclosed' as const, reason: 'state_secret' }, '部分公开（属于国家秘密）'],
    [{ outcome: 'not_disclosed' as const, reason: 'process_information' }, '不予公开（属于四类过程性信息）'],
    [{ outcome: 'cannot_provide' as const, reason: 'not_held' }, '无法提供（本机关不掌握相关政府信息）'],
    [{ outcome: 'not_processed' as const, reason: 'repeated_application' }, '不予处理（重复申请）'],
    [{ outcome: 'otherwise_handled' as const, reason: 'other' }, '其他处理（其他）'],
    [{ outcome: 'not_processed' as const, reason: 'no_such_reason' }, '不予处理'],
  ])('%o reads “%s”', (decision, label) => {
    expect(outcomeLabel(decision)).toBe(label);
  });

  it('a decision names a reason of its own outcome, and nothing else', () => {
    expect(DecisionInput.safeParse({ outcome: 'not_disclosed', reason: 'not_held' }).success).toBe(false);
    expect(DecisionInput.safeParse({ outcome: 'partially_disclosed' }).success).toBe(false);
    expect(DecisionInput.safeParse({ outcome: 'disclosed', reason: 'state_secret' }).success).toBe(false);
    expect(DecisionInput.parse({ outcome: 'disclosed' })).toEqual({
      outcome: 'disclosed',
      releasedFiles: [],
    });
    expect(
      DecisionInput.parse({
        outcome: 'cannot_provide',
        reason: 'not_held',
        heldBy: null,
        reasons: ' 不掌握 ',
      }),
    ).toEqual({ outcome: 'cannot_provide', reason: 'not_held', heldBy: null, reasons: '不掌握' });
    expect(
      DecisionInput.safeParse({
        outcome: 'disclosed',
        releasedFiles: [{ uploadKey: 'elsewhere/file', name: 'a.pdf' }],
      }).error?.issues[0]?.path,
    ).toEqual(['releasedFiles', 0, 'uploadKey']);
  });
});

describe('an agency’s time policy: stricter than the Regulations, never looser', () => {
  const seed000 = {
    ...DEFAULT_POLICY,
    effectiveFrom: '2026-01-01',
    replyWorkingDays: 7,
    maxExtensionWorkingDays: 15,
  };

  it('the default policy is the Regulations’ own limits', () => {
    expect(DisclosurePolicy.parse(DEFAULT_POLICY)).toEqual(DEFAULT_POLICY);
    expect(DEFAULT_POLICY).toMatchObject({
      replyWorkingDays: REGULATION_LIMITS.replyWorkingDays,
      maxExtensionWorkingDays: REGULATION_LIMITS.maxExtensionWorkingDays,
      consultationWorkingDays: 15,
      publicationWorkingDays: 20,
    });
  });

  it('seed 000’s stricter policy (reply in 7, extend by at most 15) is accepted', () => {
    expect(DisclosurePolicy.parse(seed000)).toEqual(seed000);
  });

  it.each([
    ['replyWorkingDays', 21, 'must be at most 20 (Reg. 33)'],
    ['maxExtensionWorkingDays', 21, 'must be at most 20 (Reg. 33)'],
    ['consultationWorkingDays', 16, 'must be at most 15 (Reg. 32)'],
    ['publicationWorkingDays', 21, 'must be at most 20 (Reg. 26)'],
  ])('a %s of %i is looser than the law and refused', (field, value, message) => {
    const issues = DisclosurePolicy.safeParse({ ...DEFAULT_POLICY, [field]: value }).error?.issues;
    expect(issues?.map((issue) => [issue.path, issue.message])).toEqual([[[field], message]]);
  });

  it('the publication deadline defaults to the law’s 20 working days', () => {
    const { publicationWorkingDays: _omitted, ...withoutPublication } = DEFAULT_POLICY;
    expect(DisclosurePolicy.parse(withoutPublication).publicationWorkingDays).toBe(20);
  });

  it('any policy that parses is never looser than the Regulations (property)', () => {
    const days = fc.integer({ min: -5, max: 80 });
    fc.assert(
      fc.property(fc.record({ reply: days, extension: days, consultation: days, publication: days }), (n) => {
        const parsed = DisclosurePolicy.safeParse({
          ...DEFAULT_POLICY,
          replyWorkingDays: n.reply,
          maxExtensionWorkingDays: n.extension,
          consultationWorkingDays: n.consultation,
          publicationWorkingDays: n.publication,
        });
        const withinLaw =
          n.reply >= 1 &&
          n.reply <= REGULATION_LIMITS.replyWorkingDays &&
          n.extension >= 0 &&
          n.extension <= REGULATION_LIMITS.maxExtensionWorkingDays &&
          n.consultation >= 1 &&
          n.consultation <= 15 &&
          n.publication >= 1 &&
          n.publication <= 20;
        expect(parsed.success).toBe(withinLaw);
      }),
    );
  });

  it('the policy in force on a date is the latest effective on or before it; before any, the default', () => {
    const later = { ...seed000, effectiveFrom: '2027-01-01', replyWorkingDays: 10 };
    expect(policyOn([], '2026-05-01')).toBe(DEFAULT_POLICY);
    expect(policyOn([later, seed000], '2025-12-31')).toBe(DEFAULT_POLICY);
    expect(policyOn([later, seed000], '2026-01-01')).toBe(seed000);
    expect(policyOn([later, seed000], '2026-12-31')).toBe(seed000);
    expect(policyOn([seed000, later], '2027-01-01')).toBe(later);
  });

  it('whatever the order of the list, the latest policy effective by the date applies (property)', () => {
    const first = dayNumberOf('2004-01-02');
    const last = dayNumberOf('2040-12-31');
    const date = fc.integer({ min: first, max: last }).map(isoDateOfDayNumber);
    fc.assert(
      fc.property(fc.uniqueArray(date, { maxLength: 6 }), date, (effectiveDates, on) => {
        const policies = effectiveDates.map((effectiveFrom, index) => ({
          ...DEFAULT_POLICY,
          effectiveFrom,
          replyWorkingDays: 1 + index,
        }));
        const inForce = policies
          .filter((policy) => policy.effectiveFrom <= on)
          .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
        expect(policyOn(policies, on)).toBe(inForce ?? DEFAULT_POLICY);
        expect(policyOn([...policies].reverse(), on)).toBe(inForce ?? DEFAULT_POLICY);
      }),
    );
  });
});

describe('the applicant’s key, access tokens and their sealing', () => {
  const secret = new Uint8Array(32).fill(7);

  it('the applicant key is 40 hex characters, the same however the number is written', () => {
    const key = applicantKeyOf(secret, anApplicant());
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    const x = anApplicant({ idDocument: { type: 'resident_id_card', number: '11010519491231002X' } });
    const dashed = anApplicant({ idDocument: { type: 'resident_id_card', number: '110105-19491231-002x' } });
    expect(applicantKeyOf(secret, dashed)).toBe(applicantKeyOf(secret, x));
    expect(applicantIdentity(dashed)).toBe('resident_id_card:11010519491231002X');
  });

  it('the applicant key depends on the platform secret and the kind of document', () => {
    const key = applicantKeyOf(secret, anApplicant());
    expect(applicantKeyOf(new Uint8Array(32).fill(8), anApplicant())).not.toBe(key);
    const passport = anApplicant({ idDocument: { type: 'passport', number: '110105194912310021' } });
    expect(applicantKeyOf(secret, passport)).not.toBe(key);
  });

  it('an access token is 256 random bits, stored only as its SHA-256', () => {
    const token = newAccessToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newAccessToken()).not.toBe(token);
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(tokenMatches(token, hashToken(token))).toBe(true);
    expect(tokenMatches(newAccessToken(), hashToken(token))).toBe(false);
  });

  it('a stored hash that is not 64 hex digits matches no token', () => {
    const token = newAccessToken();
    expect(tokenMatches(token, '')).toBe(false);
    expect(tokenMatches(token, hashToken(token).slice(0, 62))).toBe(false);
    expect(tokenMatches(token, 'z'.repeat(64))).toBe(false);
  });

  it('an idempotency key is stored hashed, per agency; a request hash ignores key order', () => {
    expect(idempotencyKeyHash('demo-city', 'key-1')).toMatch(/^[0-9a-f]{64}$/);
    expect(idempotencyKeyHash('demo-city', 'key-1')).toBe(idempotencyKeyHash('demo-city', 'key-1'));
    expect(idempotencyKeyHash('other-city', 'key-1')).not.toBe(idempotencyKeyHash('demo-city', 'key-1'));
    expect(requestHash({ a: 1, b: { c: 2, d: 3 } })).toBe(requestHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });

  it('sealing uses a fresh nonce: the same token sealed twice reads differently', () => {
    const token = newAccessToken();
    expect(sealToken(token, 'key-1', 'demo-city')).not.toBe(sealToken(token, 'key-1', 'demo-city'));
  });

  it('sealing then unsealing under the same key and agency returns the token (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.constantFrom('demo-city', 'other-city'),
        (token, key, agency) => {
          expect(unsealToken(sealToken(token, key, agency), key, agency)).toBe(token);
        },
      ),
    );
  });

  it('a sealed token is refused under another idempotency key or another agency (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        (a, b) => {
          fc.pre(a !== b);
          const sealed = sealToken(newAccessToken(), a, 'demo-city');
          expect(() => unsealToken(sealed, b, 'demo-city')).toThrow();
          expect(() => unsealToken(sealed, a, 'other-city')).toThrow();
        },
      ),
    );
  });

  it('any sealed token with one bit flipped is refused (property)', () => {
    const sealed = Buffer.from(sealToken(newAccessToken(), 'key-1', 'demo-city'), 'base64url');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sealed.length * 8 - 1 }), (bit) => {
        const tampered = Buffer.from(sealed);
        tampered[bit >> 3] = (tampered[bit >> 3] ?? 0) ^ (1 << (bit & 7));
        expect(() => unsealToken(tampered.toString('base64url'), 'key-1', 'demo-city')).toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes of any length never unseal (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => {
        expect(() => unsealToken(Buffer.from(bytes).toString('base64url'), 'key-1', 'demo-city')).toThrow();
      }),
    );
  });

  it('a tracking number is the year and 8 Crockford base-32 characters (no I, L, O, U)', () => {
    for (let i = 0; i < 200; i += 1) {
      const number = newTrackingNumber(2026);
      expect(number).toMatch(TRACKING_NUMBER);
      expect(number.startsWith('2026-')).toBe(true);
    }
    expect(TrackingNumber.safeParse('2026-K7QX-3M9P').success).toBe(true);
    for (const wrong of [
      '2026-K7QX-3M9I',
      '2026-K7QX-3M9L',
      '2026-k7qx-3m9p',
      '26-K7QX-3M9P',
      '2026-K7QX3M9P',
    ])
      expect(TrackingNumber.safeParse(wrong).success).toBe(false);
  });
});

describe('the applicant (Reg. 27–29) and how listings show them', () => {
  it('an 18-digit identity number shows its first 3 and last 4 characters', () => {
    expect(maskIdNumber('110105194912310021')).toBe('110***********0021');
    expect(maskIdNumber('E12345678')).toBe('E12**5678');
  });

  it('a short number (4 to 6 characters) shows only its first and last', () => {
    expect(maskIdNumber('1234')).toBe('1**4');
    expect(maskIdNumber('123456')).toBe('1****6');
  });

  it('a masked number keeps its length and shows only characters of the number, in place (property)', () => {
    const idNumber = fc.stringMatching(/^[0-9A-Za-z-]{4,40}$/);
    fc.assert(
      fc.property(idNumber, (number) => {
        const masked = maskIdNumber(number);
        expect(masked).toHaveLength(number.length);
        const inPlace = Array.from(masked, (char, index) => (char === '*' ? '*' : number[index])).join('');
        expect(masked).toBe(inPlace);
        expect(masked.replace(/\*/g, '').length).toBeLessThanOrEqual(7);
      }),
    );
  });

  it('a mobile number shows its first 3 and last 4 digits; a very short one nothing', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('861******5678');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('listings mask the identity number and phone and keep the rest', () => {
    const organisation = anApplicant({
      type: 'organisation',
      organisationType: 'legal_service_agency',
      name: '示例律师事务所',
      idDocument: { type: 'unified_social_credit_code', number: '91110000100000000X' },
      phone: '010-65123456',
      email: 'office@example.cn',
    });
    expect(maskedApplicant(organisation)).toEqual({
      ...organisation,
      idDocument: { type: 'unified_social_credit_code', number: '911***********000X' },
      phone: '010****3456',
    });
    expect(organisation.idDocument.number).toBe('91110000100000000X');
  });

  it('the annual report counts a person as 自然人 and an organisation by its type', () => {
    expect(columnOf(anApplicant())).toBe('natural_person');
    expect(columnOf(anApplicant({ type: 'organisation', organisationType: 'research_institution' }))).toBe(
      'research_institution',
    );
  });

  it('an organisation names its type; a person has none; identity numbers are letters, digits, hyphens', () => {
    expect(Applicant.safeParse({ ...anApplicant(), type: 'organisation' }).success).toBe(false);
    expect(Applicant.safeParse({ ...anApplicant(), organisationType: 'other' }).success).toBe(false);
    const withNumber = (number: string) =>
      Applicant.safeParse({ ...anApplicant(), idDocument: { type: 'passport', number } });
    expect(withNumber('E 1234567').success).toBe(false);
    expect(withNumber('123').success).toBe(false);
    expect(withNumber('  E1234567  ').data?.idDocument.number).toBe('E1234567');
    expect(Applicant.safeParse({ ...anApplicant(), phone: 'call me' }).success).toBe(false);
    expect(InformationRequest.safeParse({ description: 'x', form: 'paper', delivery: 'fax' }).success).toBe(
      false,
    );
  });
});

describe('the decision letter (政府信息公开申请答复告知书)', () => {
  const parties: LetterParties = {
    agencyName: '示例市财政局',
    officeName: '示例市财政局政务公开办公室',
    officePhone: '010-65123456',
    officeAddress: '示例市人民路2号',
    reconsiderationBody: '示例市人民政府',
  };
  const letter = (decision: Decision, application: Application = anApplication(), letterParties = parties) =>
    decisionLetterHtml(application, decision, letterParties);

  it('tells the applicant what was received when, the outcome, what is given, and where to seek remedy', () => {
    const html = letter(aDecision());
    expect(html).toContain('<title>政府信息公开申请答复告知书 2026-K7QX-3M9P</title>');
    expect(html).toContain('<p class="meta">编号：2026-K7QX-3M9P</p>');
    expect(html).toContain('<p>刘洋（居民身份证）：</p>');
    expect(html).toContain(
      '<p>本机关于2026年9月28日收到您的政府信息公开申请，申请获取：“2025年度本机关“三公”经费决算明细”。</p>',
    );
    expect(html).toContain('<p>经审查，答复如下：<strong>予以公开</strong>。</p>');
    expect(html).toContain('<p>随本告知书提供：三公经费决算表.pdf。</p>');
    expect(html).toContain('自收到本告知书之日起六十日内向示例市人民政府申请行政复议');
    expect(html).toContain(
      '<p class="sign">示例市财政局<br>示例市财政局政务公开办公室<br>2026年10月30日</p>',
    );
    expect(html).toContain('<p class="meta">联系地址：示例市人民路2号\u3000联系电话：010-65123456</p>');
    expect(html).not.toContain('理由：');
  });

  it('an item already published says where to find it (Reg. 36(1)); the document number is quoted', () => {
    const html = letter(
      aDecision({ outcome: 'disclosed', publishedAt: '本机关门户网站“政府信息公开”栏目' }),
      anApplication({
        request: { description: '预算', documentNumber: '示财〔2026〕12号', form: 'paper', delivery: 'post' },
      }),
    );
    expect(html).toContain('<p>该信息已经主动公开，获取方式：本机关门户网站“政府信息公开”栏目。</p>');
    expect(html).toContain('申请获取：“预算”（文号：示财〔2026〕12号）。');
    expect(html).not.toContain('随本告知书提供');
  });

  it('a refusal states its category, reasons and legal basis', () => {
    const html = letter(
      aDecision({
        outcome: 'not_disclosed',
        reason: 'state_secret',
        reasons: '经保密审查，属于国家秘密',
        legalBasis: '《政府信息公开条例》第十四条',
      }),
    );
    expect(html).toContain('<strong>不予公开（属于国家秘密）</strong>');
    expect(html).toContain('<p>理由：经保密审查，属于国家秘密</p>');
    expect(html).toContain('<p>依据：《政府信息公开条例》第十四条</p>');
  });

  it('a partial disclosure names what was withheld and lists what is given', () => {
    const html = letter(
      aDecision({
        outcome: 'partially_disclosed',
        withheldBecause: 'third_party_rights',
        releasedFiles: [
          { uploadKey: UPLOAD.body, name: '合同（删除页）.pdf' },
          { uploadKey: UPLOAD.table, name: '附件二.pdf' },
        ],
      }),
    );
    expect(html).toContain('<strong>部分公开（保护第三方合法权益）</strong>');
    expect(html).toContain('<p>随本告知书提供：合同（删除页）.pdf、附件二.pdf。</p>');
  });

  it('“not held here” names the agency that holds it, when known (Reg. 36(5))', () => {
    const heldElsewhere = letter(
      aDecision({
        outcome: 'cannot_provide',
        reason: 'not_held',
        heldBy: { name: '示例市统计局', contact: '010-66666666' },
      }),
    );
    expect(heldElsewhere).toContain('<strong>无法提供（本机关不掌握相关政府信息）</strong>');
    expect(heldElsewhere).toContain('<p>该信息由示例市统计局负责公开，联系方式：010-66666666。</p>');
    const unknown = letter(aDecision({ outcome: 'cannot_provide', reason: 'not_held', heldBy: null }));
    expect(unknown).not.toContain('负责公开');
  });

  it('without an office name or contacts, the letter is signed by the agency alone', () => {
    const html = letter(aDecision(), anApplication(), {
      ...parties,
      officeName: null,
      officePhone: null,
      officeAddress: null,
    });
    expect(html).toContain('<p class="sign">示例市财政局<br>2026年10月30日</p>');
    expect(html).not.toContain('联系地址');
    const phoneOnly = letter(aDecision(), anApplication(), { ...parties, officeAddress: null });
    expect(phoneOnly).toContain('<p class="meta">联系地址：\u3000联系电话：010-65123456</p>');
  });

  it('escapes every piece of text that users or staff typed', () => {
    const evil = `<script>alert("x")</script> & 'q'`;
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;';
    const html = letter(
      aDecision({
        outcome: 'cannot_provide',
        reason: 'not_held',
        heldBy: { name: evil, contact: evil },
        reasons: evil,
        legalBasis: evil,
      }),
      anApplication({
        applicant: { ...anApplicant(), name: evil },
        request: { description: evil, documentNumber: evil, form: 'paper', delivery: 'post' },
      }),
      {
        agencyName: evil,
        officeName: evil,
        officePhone: evil,
        officeAddress: evil,
        reconsiderationBody: evil,
      },
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain(`'q'`);
    // applicant, description, document number, held by ×2, reasons, basis, body, agency, office, address, phone
    expect(html.split(escaped)).toHaveLength(13);
  });

  it('whatever text users type, the letter has exactly the template’s tags (property)', () => {
    const tags = (html: string) => html.match(/<\/?[A-Za-z!][^>]*>/g);
    const build = (text: string) =>
      letter(
        {
          outcome: 'disclosed',
          releasedFiles: [{ uploadKey: UPLOAD.body, name: text }],
          publishedAt: text,
          reasons: text,
          legalBasis: text,
          decidedOn: '2026-10-30',
          decidedBy: { staffId: 'stf_approver0000000000' },
          letterKey: 'letter.html',
        },
        anApplication({
          id: text,
          applicant: { ...anApplicant(), name: text },
          request: { description: text, documentNumber: text, form: 'paper', delivery: 'post' },
        }),
        {
          agencyName: text,
          officeName: text,
          officePhone: text,
          officeAddress: text,
          reconsiderationBody: text,
        },
      );
    const template = tags(build('x'));
    // Markup characters, entity fragments and ordinary text, mixed.
    const text = fc.oneof(
      fc.string({
        unit: fc.constantFrom('<', '>', '&', '"', "'", '/', '=', ';', '#', '!', '-', 'a', '中', ' '),
        maxLength: 60,
      }),
      fc.string({ maxLength: 60 }),
    );
    fc.assert(
      fc.property(text, (text) => {
        expect(tags(build(text))).toEqual(template);
      }),
    );
  });
});
