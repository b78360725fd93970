import * as z from 'zod';
import { DisclosurePolicy } from './application/policy';
import { CivilDate } from './calendar/civil-date';
import type { FieldError } from './errors';
import { CatalogueEntry, DEFAULT_CATALOGUE } from './submission/catalogue';
import { DEFAULT_REVIEW_CHAIN, ReviewChain } from './submission/review-chain';
import { freeText } from './free-text';

/**
 * An agency (机关) is a tenant. It publishes its disclosure office's public details (seed 003 §三(一)5:
 * name, head, address, hours, phone, fax, e-mail) and has an annual-report cutoff (RULES §4).
 */
export const AgencyId = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/, 'must be 3–40 lower-case letters, digits or hyphens');
export type AgencyId = z.infer<typeof AgencyId>;

/** `department`: a government department (政府部门); `government`: a people's government (人民政府). */
export const AgencyLevel = z.enum(['government', 'department']);
export type AgencyLevel = z.infer<typeof AgencyLevel>;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** A day of the year as `MM-DD`; February 29 is refused because the cutoff must exist every year. */
export const MonthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, 'must be MM-DD')
  .refine((value) => {
    const [month, day] = value.split('-').map(Number) as [number, number];
    const days = DAYS_IN_MONTH[month - 1];
    return days !== undefined && day >= 1 && day <= days;
  }, 'must be a day that exists every year');

/** Annual-report cutoff by default (RULES §4): government departments by January 31, others March 31. */
export const defaultAnnualReportCutoff = (level: AgencyLevel): string =>
  level === 'department' ? '01-31' : '03-31';

const text = freeText;
const GUIDE_SECTIONS_MAX = 8;
const GUIDE_SECTION_MAX = 3000;
const GUIDE_TEXT_MAX = 10_000;
const phoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9\- ()]{4,38}$/, 'must be a phone number (digits, spaces, hyphens, parentheses)');

/**
 * A section of the agency's 政府信息公开指南 (Reg. 22) that the agency writes itself (its history of
 * disclosure work, local channels, anything the generated guide does not say), shown after the generated
 * sections. Kept with the agency, so the limits keep the agency's item — which every directory read
 * carries — small.
 */
export const GuideSection = z.strictObject({ title: text(60), body: text(GUIDE_SECTION_MAX) });
export type GuideSection = z.infer<typeof GuideSection>;

/** The disclosure office's public details (政府信息公开工作机构). */
export const OfficeProfile = z.strictObject({
  officeName: text(200),
  head: text(100), // 负责人
  address: text(300),
  postcode: z
    .string()
    .regex(/^\d{6}$/, 'must be six digits')
    .optional(),
  openingHours: text(200),
  phone: phoneNumber,
  fax: phoneNumber.nullable(),
  email: z.email('must be an e-mail address').max(254),
  website: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(500)
    .nullable(),
  /** The guide's sections the agency writes (Reg. 22); absent: the guide is generated only. */
  guideSections: z
    .array(GuideSection)
    .max(GUIDE_SECTIONS_MAX, `must be at most ${GUIDE_SECTIONS_MAX} sections`)
    .refine(
      (sections) => sections.reduce((sum, section) => sum + section.body.length, 0) <= GUIDE_TEXT_MAX,
      `must hold at most ${GUIDE_TEXT_MAX} characters of text in all`,
    )
    .optional(),
});
export type OfficeProfile = z.infer<typeof OfficeProfile>;

/**
 * What the agency states about itself for the reconsideration body its letters name (《行政复议法》 2023,
 * Arts. 24–27; see application/remedies.ts for how the body is derived from these and the agency tree).
 */
export const ReconsiderationSettings = z
  .strictObject({
    /** 实行垂直领导 (海关, 金融, 外汇管理, 税务, 国家安全机关…): its 上一级主管部门 reconsiders (Art. 27). */
    vertical: z.boolean().default(false),
    /**
     * It reconsiders its own decisions: a State Council department (国务院部门, Art. 25(1)) or a
     * province-level people's government (Art. 24 ¶2).
     */
    reconsidersOwnDecisions: z.boolean().default(false),
    /** The body's name as letters print it, overriding the name Gongkai would take from the agency tree. */
    bodyName: text(200).nullable().default(null),
  })
  .refine((settings) => !(settings.vertical && settings.reconsidersOwnDecisions), {
    path: ['reconsidersOwnDecisions'],
    message: 'a vertically led body is reconsidered by its superior department, not by itself',
  });
export type ReconsiderationSettings = z.infer<typeof ReconsiderationSettings>;
/** What an agency that stated nothing is taken to be: a local agency, its body named from its parent. */
export const DEFAULT_RECONSIDERATION: ReconsiderationSettings = {
  vertical: false,
  reconsidersOwnDecisions: false,
  bodyName: null,
};

/** Settings that do not fit the kind of agency: only a department can be vertically led (Art. 27). */
export function checkReconsiderationSettings(
  level: AgencyLevel,
  settings: ReconsiderationSettings,
  path: string,
): FieldError[] {
  return level === 'government' && settings.vertical
    ? [
        {
          path: `${path}.vertical`,
          message: 'a people’s government is not vertically led (行政复议法 Art. 27)',
        },
      ]
    : [];
}

export const NewAgency = z.strictObject({
  agencyId: AgencyId.refine((id) => id !== 'platform', 'is reserved for the platform operator'),
  name: text(200),
  level: AgencyLevel,
  parentAgencyId: AgencyId.nullable().default(null),
  annualReportCutoff: MonthDay.optional(),
  profile: OfficeProfile.nullable().default(null),
  reconsideration: ReconsiderationSettings.optional(),
});
export type NewAgency = z.infer<typeof NewAgency>;

/** A recurring disclosure (monthly revenue and spending, quarterly progress of targets, yearly budget…). */
export const PeriodicObligationInput = z.strictObject({
  title: text(200),
  category: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be a catalogue code'),
  cadence: z.enum(['monthly', 'quarterly', 'yearly']),
  /** Working days after the period closes by which its item must be published. */
  publishWithinWorkingDays: z.int().min(1).max(60),
});
/** A declared obligation: the input as given, its id, and the day it was declared. */
export const PeriodicObligation = PeriodicObligationInput.extend({
  id: z.string(),
  declaredOn: CivilDate,
}).readonly();
export type PeriodicObligation = z.infer<typeof PeriodicObligation>;

/**
 * The agency as kept and shown. Parsing strips what storage adds around it (keys, chain head); the
 * adapter supplies what agencies created before a field existed lack.
 */
export const Agency = z
  .object({
    agencyId: z.string(),
    name: z.string(),
    level: AgencyLevel,
    parentAgencyId: z.string().nullable(),
    annualReportCutoff: z.string(),
    profile: OfficeProfile.nullable(),
    /**
     * Time policies for applications, each in force from its date (RULES §2: stricter than the law,
     * never looser).
     */
    policies: z.array(DisclosurePolicy).readonly(),
    /** The disclosure catalogue; null until edited (the defaults apply). */
    catalogue: z.array(CatalogueEntry).readonly().nullable(),
    /** The review chain; null until configured (the default chain applies). */
    reviewChain: ReviewChain.nullable(),
    /** Recurring items the agency must publish each period (seed 004 §三; seed 002 §10). */
    obligations: z.array(PeriodicObligation).readonly(),
    /** How its decisions are reconsidered; agencies created before it existed stated nothing (the default). */
    reconsideration: ReconsiderationSettings.default(DEFAULT_RECONSIDERATION),
    createdAt: z.string(),
    version: z.int(),
  })
  .readonly();
export type Agency = z.infer<typeof Agency>;

export const PolicyUpdate = z.strictObject({
  version: z.int().min(1, 'must be the version you read'),
  policy: DisclosurePolicy,
});
export type PolicyUpdate = z.infer<typeof PolicyUpdate>;

export const ProfileUpdate = z.strictObject({
  version: z.int().min(1, 'must be the version you read'),
  profile: OfficeProfile,
});
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;

export const ReconsiderationUpdate = z.strictObject({
  version: z.int().min(1, 'must be the version you read'),
  reconsideration: ReconsiderationSettings,
});
export type ReconsiderationUpdate = z.infer<typeof ReconsiderationUpdate>;

/** Which fields of the profile an update changes (recorded on the timeline, so the audit trail says what). */
export function changedProfileFields(before: OfficeProfile | null, after: OfficeProfile): string[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]) as Set<keyof OfficeProfile>;
  // The guide's sections are a list: compared by what they say, not by identity.
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return [...fields].filter((field) => !same(before?.[field], after[field])).sort();
}

/** The office's contact details without the guide's sections (what the directory lists). */
export function officeContacts(profile: OfficeProfile): Omit<OfficeProfile, 'guideSections'> {
  const { guideSections: _guide, ...contacts } = profile;
  return contacts;
}

export const catalogueOf = (agency: Pick<Agency, 'catalogue'>): readonly CatalogueEntry[] =>
  agency.catalogue ?? DEFAULT_CATALOGUE;
export const reviewChainOf = (agency: Pick<Agency, 'reviewChain'>): ReviewChain =>
  agency.reviewChain ?? DEFAULT_REVIEW_CHAIN;
