import { describe, expect, it } from 'vitest';
import {
  AgencyId,
  catalogueOf,
  changedProfileFields,
  defaultAnnualReportCutoff,
  NewAgency,
  OfficeProfile,
  PeriodicObligationInput,
  PolicyUpdate,
  ProfileUpdate,
  reviewChainOf,
} from '#lib/domain/agency';
import { DEFAULT_POLICY } from '#lib/domain/application/policy';
import { CalendarRangeError } from '#lib/domain/calendar/working-calendar';
import { chinaYearOf } from '#lib/domain/china-time';
import {
  answerComplaint,
  COMPLAINT_ANSWER_DAYS,
  ComplaintInput,
  ComplaintReply,
  receiveComplaint,
  type Complaint,
} from '#lib/domain/complaint';
import {
  AlreadyExistsError,
  DependencyUnavailableError,
  DomainError,
  ForbiddenError,
  GoneError,
  NotFoundError,
  RuleViolationError,
  UnauthenticatedError,
  ValidationError,
  VersionConflictError,
  WrongStateError,
} from '#lib/domain/errors';
import {
  assertAgencyStaff,
  assertMayAdministerStaff,
  assertRole,
  assertRolesFitAgency,
  assertSameAgency,
  hasRole,
  PLATFORM_AGENCY_ID,
  StaffId,
  StaffUpdate,
} from '#lib/domain/staff';
import { DEFAULT_CATALOGUE } from '#lib/domain/submission/catalogue';
import { DEFAULT_REVIEW_CHAIN } from '#lib/domain/submission/review-chain';
import { AGENCY_ID, calendar, staffWith } from '#test/support/domain';

describe('domain errors: a stable code and the HTTP status each maps to', () => {
  it.each([
    [new ValidationError('bad'), 'validation-error', 400, 'Invalid request'],
    [new UnauthenticatedError('who?'), 'unauthenticated', 401, 'Authentication required'],
    [new ForbiddenError('no'), 'forbidden', 403, 'Forbidden'],
    [new NotFoundError('none'), 'not-found', 404, 'Not found'],
    [new VersionConflictError('stale'), 'version-conflict', 409, 'Version conflict'],
    [new AlreadyExistsError('dup'), 'already-exists', 409, 'Already exists'],
    [new WrongStateError('state'), 'wrong-state', 409, 'Not allowed in the current state'],
    [new GoneError('withdrawn'), 'gone', 410, 'Gone'],
    [new RuleViolationError('deadline-passed', 'late'), 'deadline-passed', 422, 'Rule violation'],
    [new CalendarRangeError('2101'), 'outside-calendar', 422, 'Rule violation'],
    [new DependencyUnavailableError('down'), 'dependency-unavailable', 503, 'Service unavailable'],
  ])('%s is %s, %i', (error, code, status, title) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect({ code: error.code, status: error.status, title: error.title, name: error.name }).toEqual({
      code,
      status,
      title,
      name: error.constructor.name,
    });
    expect(error.errors).toEqual([]);
  });

  it('a validation error carries its field errors and keeps its cause', () => {
    const cause = new SyntaxError('Unexpected token');
    const error = new ValidationError(
      'The body is not JSON.',
      [{ path: 'body', message: 'must be JSON' }],
      cause,
    );
    expect(error).toMatchObject({
      message: 'The body is not JSON.',
      errors: [{ path: 'body', message: 'must be JSON' }],
    });
    expect(error.cause).toBe(cause);
  });

  it('a dependency failure keeps its cause; without one, there is none', () => {
    const cause = new Error('ECONNREFUSED');
    expect(new DependencyUnavailableError('DynamoDB is down', { cause }).cause).toBe(cause);
    expect('cause' in new DependencyUnavailableError('DynamoDB is down')).toBe(false);
  });

  it('a rule violation names its rule and the fields that break it', () => {
    const error = new RuleViolationError(
      'decision-incomplete',
      'The decision lacks what the rules require.',
      [{ path: 'body.legalBasis', message: 'is required for this outcome' }],
    );
    expect(error).toMatchObject({
      code: 'decision-incomplete',
      status: 422,
      errors: [{ path: 'body.legalBasis', message: 'is required for this outcome' }],
    });
  });
});

describe('staff: tenants and roles', () => {
  const clerk = staffWith('clerk');
  const admin = staffWith('agency_admin');
  const platformAdmin = staffWith('platform_admin', { agencyId: PLATFORM_AGENCY_ID });

  it('staff of another agency are refused before any record is read (403)', () => {
    expect(() => assertSameAgency(clerk, AGENCY_ID)).not.toThrow();
    expect(() => assertSameAgency(clerk, 'other-city')).toThrow(
      expect.objectContaining({
        constructor: ForbiddenError,
        status: 403,
        message: 'This staff account belongs to another agency.',
      }),
    );
  });

  it('an action needs one of its roles (403), and names them', () => {
    expect(hasRole(clerk, 'clerk')).toBe(true);
    expect(hasRole(clerk, 'approver')).toBe(false);
    expect(() => assertRole(staffWith(['clerk', 'approver']), 'approver', 'agency_admin')).not.toThrow();
    expect(() => assertRole(clerk, 'approver', 'agency_admin')).toThrow(
      expect.objectContaining({
        constructor: ForbiddenError,
        message: 'This action needs the role approver or agency_admin.',
      }),
    );
  });

  it('agency staff: the tenant first, then the role; without roles, any staff of the agency', () => {
    expect(() => assertAgencyStaff(clerk, AGENCY_ID)).not.toThrow();
    expect(() => assertAgencyStaff(clerk, AGENCY_ID, 'clerk')).not.toThrow();
    expect(() => assertAgencyStaff(clerk, AGENCY_ID, 'approver')).toThrow(/needs the role approver/);
    expect(() => assertAgencyStaff(clerk, 'other-city', 'clerk')).toThrow(/another agency/);
  });

  it('an agency’s staff are administered by its own agency_admin or by a platform_admin', () => {
    expect(() => assertMayAdministerStaff(admin, AGENCY_ID)).not.toThrow();
    expect(() => assertMayAdministerStaff(platformAdmin, AGENCY_ID)).not.toThrow();
    expect(() => assertMayAdministerStaff(admin, 'other-city')).toThrow(ForbiddenError);
    expect(() => assertMayAdministerStaff(clerk, AGENCY_ID)).toThrow(ForbiddenError);
  });

  it('platform accounts hold only platform_admin; agency accounts never do (422 at body.roles)', () => {
    expect(() => assertRolesFitAgency(PLATFORM_AGENCY_ID, ['platform_admin', 'clerk'])).toThrow(
      expect.objectContaining({
        constructor: RuleViolationError,
        code: 'roles-do-not-fit-account',
        message: 'Platform accounts hold only platform_admin.',
        errors: [{ path: 'body.roles', message: 'must be [platform_admin]' }],
      }),
    );
    expect(() => assertRolesFitAgency(AGENCY_ID, ['platform_admin'])).toThrow(
      expect.objectContaining({
        message: 'platform_admin is for platform accounts only.',
        errors: [{ path: 'body.roles', message: 'must not include platform_admin' }],
      }),
    );
    expect(() => assertRolesFitAgency(AGENCY_ID, ['clerk', 'approver'])).not.toThrow();
  });

  it('a staff update changes enabled or roles, and says so at enabled when it changes neither', () => {
    expect(StaffUpdate.parse({ version: 2, enabled: false })).toEqual({ version: 2, enabled: false });
    expect(StaffUpdate.parse({ version: 2, roles: ['reviewer'] })).toEqual({
      version: 2,
      roles: ['reviewer'],
    });
    expect(
      StaffUpdate.safeParse({ version: 2 }).error?.issues.map((issue) => [issue.path, issue.message]),
    ).toEqual([[['enabled'], 'must change enabled or roles']]);
    expect(StaffUpdate.safeParse({ version: 2, roles: [] }).success).toBe(false);
    expect(StaffId.safeParse('stf_0123456789abcdefghij').success).toBe(true);
    expect(StaffId.safeParse('stf_0123456789ABCDEFGHIJ').success).toBe(false);
  });
});

describe('an agency (tenant) and its settings', () => {
  it('a government department reports by January 31; a people’s government by March 31 (RULES §4)', () => {
    expect(defaultAnnualReportCutoff('department')).toBe('01-31');
    expect(defaultAnnualReportCutoff('government')).toBe('03-31');
  });

  it('until edited, the agency uses the default catalogue and review chain', () => {
    expect(catalogueOf({ catalogue: null })).toBe(DEFAULT_CATALOGUE);
    expect(reviewChainOf({ reviewChain: null })).toBe(DEFAULT_REVIEW_CHAIN);
    const own = [{ code: 'budgets', name: '预算' }];
    const chain = [
      { step: 'secrecy_review', role: 'secrecy_reviewer' },
      { step: 'approval', role: 'approver' },
    ] as const;
    expect(catalogueOf({ catalogue: own })).toBe(own);
    expect(reviewChainOf({ reviewChain: [...chain] })).toEqual(chain);
  });

  it('an agency id is 3–40 lower-case letters, digits or hyphens, not starting or ending with a hyphen', () => {
    for (const good of ['abc', 'demo-city', 'a1-b2']) expect(AgencyId.safeParse(good).success).toBe(true);
    for (const bad of ['ab', '-abc', 'abc-', 'Demo', 'a'.repeat(41)])
      expect(AgencyId.safeParse(bad).success).toBe(false);
    expect(NewAgency.parse({ agencyId: 'demo-city', name: '示例市', level: 'government' })).toEqual({
      agencyId: 'demo-city',
      name: '示例市',
      level: 'government',
      parentAgencyId: null,
      profile: null,
    });
  });

  it('the office profile takes phone numbers, an e-mail and an http(s) website only', () => {
    const profile = {
      officeName: '示例市政务公开办公室',
      head: '李华',
      address: '示例市人民路1号',
      openingHours: '工作日 9:00–17:00',
      phone: '010-6512 3456',
      fax: null,
      email: 'gongkai@example.cn',
      website: 'https://www.example.cn',
    };
    expect(OfficeProfile.parse(profile)).toEqual(profile);
    expect(OfficeProfile.safeParse({ ...profile, website: 'ftp://example.cn' }).success).toBe(false);
    expect(OfficeProfile.safeParse({ ...profile, phone: 'ask the porter' }).success).toBe(false);
    expect(OfficeProfile.safeParse({ ...profile, postcode: '1000' }).success).toBe(false);
    expect(ProfileUpdate.safeParse({ version: 0, profile }).success).toBe(false);
    expect(changedProfileFields(profile, profile)).toEqual([]);
  });

  it('a policy update that is looser than the Regulations is refused at policy.replyWorkingDays', () => {
    const update = PolicyUpdate.safeParse({
      version: 1,
      policy: { ...DEFAULT_POLICY, replyWorkingDays: 30 },
    });
    expect(update.error?.issues.map((issue) => issue.path)).toEqual([['policy', 'replyWorkingDays']]);
  });

  it('a recurring obligation is monthly, quarterly or yearly, published within 1–60 working days', () => {
    const obligation = {
      title: '月度财政收支',
      category: 'budgets',
      cadence: 'monthly',
      publishWithinWorkingDays: 10,
    };
    expect(PeriodicObligationInput.parse(obligation)).toEqual(obligation);
    expect(PeriodicObligationInput.safeParse({ ...obligation, cadence: 'weekly' }).success).toBe(false);
    expect(PeriodicObligationInput.safeParse({ ...obligation, publishWithinWorkingDays: 61 }).success).toBe(
      false,
    );
  });

  it('the China year of an instant turns at midnight China time', () => {
    expect(chinaYearOf(new Date('2026-12-31T15:59:59.999Z'))).toBe(2026);
    expect(chinaYearOf(new Date('2026-12-31T16:00:00.000Z'))).toBe(2027);
  });
});

describe('complaints about disclosure work (Reg. 51): answered within 30 days', () => {
  const input = ComplaintInput.parse({
    complainant: { name: '周杰', contact: '13900001111', email: 'zhou@example.cn' },
    subject: '申请逾期未答复',
    details: '2026年8月提交的申请至今未收到答复。',
    trackingNumber: '2026-K7QX-3M9P',
  });
  const received = (today: string, overrides: Partial<ComplaintInput> = {}) =>
    receiveComplaint({ ...input, ...overrides }, { id: 'cmp_1', agencyId: AGENCY_ID }, today, calendar);

  it('a complaint received on 2026-09-28 is answered by 2026-10-28', () => {
    const { complaint, clock } = received('2026-09-28');
    expect(COMPLAINT_ANSWER_DAYS).toBe(30);
    expect(complaint).toEqual({
      id: 'cmp_1',
      agencyId: AGENCY_ID,
      status: 'open',
      receivedOn: '2026-09-28',
      answerDueDate: '2026-10-28',
      complainant: { name: '周杰', contact: '13900001111', email: 'zhou@example.cn' },
      subject: '申请逾期未答复',
      details: '2026年8月提交的申请至今未收到答复。',
      trackingNumber: '2026-K7QX-3M9P',
      answer: null,
      version: 1,
    });
    expect(clock).toMatchObject({ status: 'running', dueDate: '2026-10-28', provisional: false });
    expect(clock.events).toEqual([{ type: 'start', on: '2026-09-28', workingDays: 0, naturalDays: 30 }]);
  });

  it('a 30th day in the National Day holiday moves to the next working day (民法典 Art. 203)', () => {
    expect(received('2026-09-05').complaint.answerDueDate).toBe('2026-10-08');
  });

  it('a 30th day on a Sunday moves to Monday', () => {
    expect(received('2026-10-02').complaint.answerDueDate).toBe('2026-11-02');
  });

  it('a complaint about no particular application has no tracking number', () => {
    expect(received('2026-09-28', { trackingNumber: undefined }).complaint.trackingNumber).toBeNull();
  });

  it('an answer records its text, whether the complaint is upheld, the day and who answered', () => {
    const { complaint } = received('2026-09-28');
    const answered = answerComplaint(
      complaint,
      { reply: '已督促办理', upheld: true },
      'stf_supervisor',
      '2026-10-20',
    );
    expect(answered).toEqual({
      ...complaint,
      status: 'answered',
      answer: { text: '已督促办理', upheld: true, on: '2026-10-20', by: 'stf_supervisor' },
      version: 2,
    });
  });

  it('an answered complaint cannot be answered again (409)', () => {
    const answered: Complaint = answerComplaint(
      received('2026-09-28').complaint,
      { reply: '已督促办理', upheld: false },
      'stf_supervisor',
      '2026-10-20',
    );
    expect(() =>
      answerComplaint(answered, { reply: '再答复', upheld: true }, 'stf_supervisor', '2026-10-21'),
    ).toThrow(
      expect.objectContaining({
        constructor: WrongStateError,
        status: 409,
        message: 'The complaint has been answered.',
      }),
    );
  });

  it('a complaint names who complains and how to reach them; a tracking number must be one', () => {
    expect(
      ComplaintInput.safeParse({ ...input, trackingNumber: '2026-0000' }).error?.issues[0]?.path,
    ).toEqual(['trackingNumber']);
    expect(
      ComplaintInput.safeParse({ ...input, complainant: { ...input.complainant, email: 'not-mail' } }).error
        ?.issues[0]?.path,
    ).toEqual(['complainant', 'email']);
    expect(ComplaintInput.safeParse({ ...input, subject: ' ' }).success).toBe(false);
    expect(ComplaintReply.safeParse({ reply: '已处理' }).success).toBe(false);
  });
});
