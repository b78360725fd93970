import type { Agency } from '#lib/domain/agency';
import type { Applicant } from '#lib/domain/application/applicant';
import type { Application, Context } from '#lib/domain/application/application';
import {
  register,
  OnlineApplicationInput,
  RegistrationInput,
  type NewApplicationIds,
} from '#lib/domain/application/intake';
import { DecisionInput } from '#lib/domain/application/outcomes';
import { DEFAULT_POLICY, type DisclosurePolicy } from '#lib/domain/application/policy';
import type { IsoDate } from '#lib/domain/calendar/civil-date';
import type { ClockState } from '#lib/domain/calendar/clock';
import { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import { ComplaintInput } from '#lib/domain/complaint';
import type { Principal, Role, StaffAccount } from '#lib/domain/staff';
import { SubmissionInput } from '#lib/domain/submission/submission';

/**
 * Fixtures for unit tests: factories with overrides, built through the schemas (so defaults apply as at
 * the edge) or through the machine's own steps (so a case is in a state the machine can reach).
 */

/** The official calendar (bundled years 2004–2026; later years provisional). */
export const calendar = new WorkingCalendar();

/** An instant in China Standard Time on `date` (10:00 unless told). */
export const cst = (date: IsoDate, time = '10:00'): Date => new Date(`${date}T${time}:00+08:00`);

/** What every step is given: the calendar and today. */
export const on = (today: IsoDate): Context => ({ calendar, today });

/** A staff id of the form the assignment schema takes: `stf_` and 20 lower-case letters or digits. */
export const staffIdOf = (name: string): string => `stf_${name.padEnd(20, '0').slice(0, 20)}`;

export const aPrincipal = (
  roles: readonly Role[],
  overrides: Partial<Omit<Principal, 'roles'>> = {},
): Principal => ({
  staffId: staffIdOf(roles.join('').replace(/[^a-z]/g, '')),
  agencyId: 'ag-city',
  name: '王五',
  ...overrides,
  roles: new Set(roles),
});

export const anApplicant = (
  overrides: Partial<Extract<Applicant, { type: 'natural_person' }>> = {},
): Applicant => ({
  type: 'natural_person',
  name: '张三',
  idDocument: { type: 'resident_id_card', number: '110101199001011234' },
  address: '北京市东城区某路1号',
  phone: '13800000000',
  ...overrides,
});

export const anOrganisation = (
  organisationType: Extract<Applicant, { type: 'organisation' }>['organisationType'],
): Applicant => ({
  type: 'organisation',
  organisationType,
  name: '某研究院',
  idDocument: { type: 'unified_social_credit_code', number: '91110000MA00000000' },
  address: '北京市海淀区某路2号',
  phone: '010-12345678',
});

export const anOnlineApplication = (overrides: Record<string, unknown> = {}): OnlineApplicationInput =>
  OnlineApplicationInput.parse({
    applicant: anApplicant(),
    request: { description: '某项目的环评批复', form: 'electronic', delivery: 'email' },
    ...overrides,
  });

export const aRegistration = (overrides: Record<string, unknown> = {}): RegistrationInput =>
  RegistrationInput.parse({
    channel: 'letter_registered',
    receivedOn: '2026-09-28',
    applicant: anApplicant(),
    request: { description: '某项目的环评批复', form: 'paper', delivery: 'post' },
    ...overrides,
  });

export const ids = (overrides: Partial<NewApplicationIds> = {}): NewApplicationIds => ({
  id: '2026-TEST-0001',
  agencyId: 'ag-city',
  applicantKey: 'applicant-key',
  accessTokenHash: 'token-hash',
  ...overrides,
});

/** A letter received on `receivedOn` and registered that day: in progress, its reply clock running. */
export function aReceivedApplication(
  receivedOn: IsoDate = '2026-09-28',
  options: { policy?: DisclosurePolicy; applicant?: Applicant } = {},
): { application: Application; reply: ClockState } {
  const change = register(
    aRegistration({ receivedOn, ...(options.applicant ? { applicant: options.applicant } : {}) }),
    ids(),
    `${receivedOn}T10:00:00.000+08:00`,
    options.policy ?? DEFAULT_POLICY,
    on(receivedOn),
  );
  if (change.reply === null) throw new Error('a registration starts the reply clock');
  return { application: change.application, reply: change.reply };
}

/** An application in any state, for the checks a step makes before it reads anything else. */
export const anApplication = (overrides: Partial<Application> = {}): Application => ({
  ...aReceivedApplication().application,
  ...overrides,
});

/** A decision of each kind the rules allow, complete. */
export const decisions = {
  disclosed: () =>
    DecisionInput.parse({
      outcome: 'disclosed',
      published: { where: '本机关门户网站“政府信息公开”栏目', publishedOn: '2026-01-05' },
    }),
  partiallyDisclosed: (uploadKey: string) =>
    DecisionInput.parse({
      outcome: 'partially_disclosed',
      withheldBecause: 'third_party_rights',
      releasedFiles: [{ uploadKey, name: '批复（删减版）.pdf' }],
      legalBasis: '《中华人民共和国政府信息公开条例》第三十七条',
      reasons: '涉及第三方商业秘密的部分已作区分处理。',
    }),
  notDisclosed: () =>
    DecisionInput.parse({
      outcome: 'not_disclosed',
      reason: 'state_secret',
      legalBasis: '《中华人民共和国政府信息公开条例》第十四条',
      reasons: '经审查属于国家秘密。',
    }),
  notHeld: () =>
    DecisionInput.parse({
      outcome: 'cannot_provide',
      reason: 'not_held',
      heldBy: { name: '某市自然资源局', contact: '010-87654321' },
      legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第（五）项',
      reasons: '本机关不掌握该信息。',
    }),
};

export const anAgency = (overrides: Partial<Agency> = {}): Agency => ({
  agencyId: 'ag-city',
  name: '某市生态环境局',
  level: 'department',
  parentAgencyId: null,
  annualReportCutoff: '01-31',
  profile: {
    officeName: '某市生态环境局政务公开办公室',
    head: '李华',
    address: '某市中山路100号',
    openingHours: '工作日 9:00–17:00',
    phone: '021-87654321',
    fax: null,
    email: 'gongkai@test.example.cn',
    website: null,
  },
  policies: [],
  catalogue: null,
  reviewChain: null,
  obligations: [],
  reconsideration: { vertical: false, reconsidersOwnDecisions: false, bodyName: null },
  createdAt: '2024-01-02T09:00:00.000+08:00',
  version: 1,
  ...overrides,
});

export const aSubmission = (overrides: Record<string, unknown> = {}): SubmissionInput =>
  SubmissionInput.parse({
    title: '关于印发《某市生态环境保护规划》的通知',
    documentNumber: '某环发〔2026〕12号',
    issuingOffice: '某市生态环境局',
    category: 'plans',
    formedOn: '2026-09-28',
    attribute: 'proactive',
    audience: 'public',
    display: { kind: 'long_term' },
    documentKind: 'normative_document',
    body: '各区生态环境分局：现将《某市生态环境保护规划》印发给你们，请认真贯彻执行。',
    ...overrides,
  });

export const aComplaint = (overrides: Record<string, unknown> = {}): ComplaintInput =>
  ComplaintInput.parse({
    complainant: { name: '赵六', contact: '13900000000' },
    subject: '申请逾期未答复',
    details: '本人于九月提交的政府信息公开申请至今未获答复。',
    ...overrides,
  });

/** An upload key as POST /v1/uploads hands it out (`n` makes it unique). */
export const anUploadKey = (n: number): string =>
  `incoming/${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;

export const aStaffAccount = (overrides: Partial<StaffAccount> = {}): StaffAccount => ({
  staffId: staffIdOf('clerk'),
  agencyId: 'ag-city',
  email: 'clerk@test.example.cn',
  name: '刘备',
  roles: ['clerk'],
  enabled: true,
  createdAt: '2024-01-02T09:00:00.000+08:00',
  version: 1,
  ...overrides,
});
