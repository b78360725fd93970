import * as z from 'zod';
import { freeText, optionalText } from '../free-text';

/**
 * The applicant (Reg. 27–29): a natural person (自然人) or a legal person / other organisation
 * (法人或其他组织) of one of the sub-types the annual report counts by.
 */
export const ORGANISATION_TYPES = {
  commercial_enterprise: '商业企业',
  research_institution: '科研机构',
  social_welfare_organization: '社会公益组织',
  legal_service_agency: '法律服务机构',
  other: '其他',
} as const;
export type OrganisationType = keyof typeof ORGANISATION_TYPES;

export const ID_DOCUMENT_TYPES = {
  resident_id_card: '居民身份证',
  passport: '护照',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  unified_social_credit_code: '统一社会信用代码',
  other: '其他证件',
} as const;

const idNumber = z
  .string()
  .trim()
  .min(4, 'must be at least 4 characters')
  .max(40, 'must be at most 40 characters')
  .regex(/^[0-9A-Za-z-]+$/, 'must be letters, digits or hyphens');
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9\- ()]{4,30}$/, 'must be a phone number');

/** Reg. 29 asks for a means of contact (联系方式): any one of an address, a phone number or an e-mail. */
const common = {
  name: freeText(200),
  idDocument: z.strictObject({
    type: z.enum(Object.keys(ID_DOCUMENT_TYPES) as [keyof typeof ID_DOCUMENT_TYPES]),
    number: idNumber,
  }),
  address: optionalText(300),
  postcode: z
    .string()
    .regex(/^\d{6}$/, 'must be six digits')
    .optional(),
  phone: phone.optional(),
  email: z.email('must be an e-mail address').max(254).optional(),
};

export const Applicant = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('natural_person'), ...common }),
    z.strictObject({
      type: z.literal('organisation'),
      organisationType: z.enum(Object.keys(ORGANISATION_TYPES) as [OrganisationType]),
      legalRepresentative: optionalText(100),
      contactPerson: optionalText(100),
      ...common,
    }),
  ])
  .refine(
    (applicant) =>
      applicant.address !== undefined || applicant.phone !== undefined || applicant.email !== undefined,
    'must give a means of contact: an address, a phone number or an e-mail (Reg. 29)',
  );
export type Applicant = z.infer<typeof Applicant>;

/** The information sought and how the applicant wants it (Reg. 29). */
export const InformationRequest = z.strictObject({
  description: freeText(4000),
  documentNumber: optionalText(200),
  form: z.enum(['paper', 'electronic']),
  delivery: z.enum(['post', 'email', 'collect_in_person', 'online']),
});
export type InformationRequest = z.infer<typeof InformationRequest>;

/** The annual report's applicant column. */
export type ApplicantColumn = 'natural_person' | OrganisationType;
export const columnOf = (applicant: Applicant): ApplicantColumn =>
  applicant.type === 'natural_person' ? 'natural_person' : applicant.organisationType;

/**
 * How much of an identity number or phone a staff listing may show: only its end, at most 4 characters and
 * never more than 40 % of it, so a short number (a 7-digit ID, `E1234567`) cannot be read whole or guessed
 * from a known prefix (issue 12, point 4).
 */
export const shownCharacters = (length: number): number => Math.min(4, Math.floor((length * 2) / 5));

const maskAllBut = (text: string): string => {
  const shown = shownCharacters(text.length);
  return `${'*'.repeat(text.length - shown)}${text.slice(text.length - shown)}`;
};

/** `**************1234`: enough to recognise, not enough to use. */
export const maskIdNumber = (number: string): string => maskAllBut(number);

/** `*******5678`, over the digits only. */
export const maskPhone = (phone: string): string => maskAllBut(phone.replace(/[^0-9]/g, ''));

/** The applicant as listings show them: identity number and phone masked. */
export function maskedApplicant(applicant: Applicant) {
  return {
    ...applicant,
    idDocument: { type: applicant.idDocument.type, number: maskIdNumber(applicant.idDocument.number) },
    phone: applicant.phone === undefined ? undefined : maskPhone(applicant.phone),
  };
}

/** The string the applicant's keyed hash is computed over (normalised so the same person matches). */
export const applicantIdentity = (applicant: Applicant): string =>
  `${applicant.idDocument.type}:${applicant.idDocument.number.replace(/-/g, '').toUpperCase()}`;
