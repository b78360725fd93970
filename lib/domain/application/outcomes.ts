import * as z from 'zod';
import { CivilDate } from '../calendar/civil-date';
import { freeText, optionalText } from '../free-text';
import { UploadKey } from '../upload-key';

/**
 * The outcomes of an application (Reg. 36–39), each with its sub-reasons, exactly as the national
 * annual-report format counts them (RULES §2): 予以公开; 部分公开; 不予公开 ×8; 无法提供 ×3; 不予处理 ×5;
 * 其他处理 ×3.
 */
export const NOT_DISCLOSED_REASONS = {
  state_secret: '属于国家秘密',
  prohibited_by_law: '其他法律行政法规禁止公开',
  // The national format writes it with Chinese quotation marks.
  security_stability: '危及“三安全一稳定”',
  third_party_rights: '保护第三方合法权益',
  internal_affairs: '属于三类内部事务信息',
  process_information: '属于四类过程性信息',
  law_enforcement_files: '属于行政执法案卷',
  administrative_inquiry: '属于行政查询事项',
} as const;

export const CANNOT_PROVIDE_REASONS = {
  not_held: '本机关不掌握相关政府信息',
  needs_creation: '没有现成信息需要另行制作',
  unclear_after_clarification: '补正后申请内容仍不明确',
} as const;

export const NOT_PROCESSED_REASONS = {
  petition_complaint: '信访举报投诉类申请',
  repeated_application: '重复申请',
  published_material: '要求提供公开出版物',
  mass_repeated: '无正当理由大量反复申请',
  confirm_or_reissue: '要求行政机关确认或重新出具已获取信息',
} as const;

export const OTHERWISE_HANDLED_REASONS = {
  no_supplement: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  fee_unpaid: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other: '其他',
} as const;

export const OUTCOME_LABELS = {
  disclosed: '予以公开',
  partially_disclosed: '部分公开（区分处理的，只计这一情形，不计其他情形）',
  not_disclosed: '不予公开',
  cannot_provide: '无法提供',
  not_processed: '不予处理',
  otherwise_handled: '其他处理',
} as const;

export type Outcome = keyof typeof OUTCOME_LABELS;
export type NotDisclosedReason = keyof typeof NOT_DISCLOSED_REASONS;
export type CannotProvideReason = keyof typeof CANNOT_PROVIDE_REASONS;
export type NotProcessedReason = keyof typeof NOT_PROCESSED_REASONS;
export type OtherwiseHandledReason = keyof typeof OTHERWISE_HANDLED_REASONS;

const keysOf = <T extends Record<string, string>>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];

/** Every outcome, in the national format's order. */
export const OUTCOMES = keysOf(OUTCOME_LABELS);

const ReleasedFile = z.strictObject({
  uploadKey: UploadKey,
  name: freeText(200),
});

/**
 * How, where and when the applicant obtains the information when it is not sent with the letter (Reg.
 * 36(2): "告知申请人获取该政府信息的方式、途径和时间"; Reg. 40: inspection, copying, electronic data or another
 * suitable form): at a place within a period, or sent by a date.
 */
export const ACCESS_METHODS = {
  inspection: '查阅',
  copying: '抄录、复制',
  post: '邮寄',
  electronic: '电子数据',
} as const;
const atThePlace = {
  place: freeText(300),
  from: CivilDate,
  until: CivilDate,
  hours: optionalText(200),
};
export const AccessArrangement = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('inspection'), ...atThePlace }),
  z.strictObject({ method: z.literal('copying'), ...atThePlace }),
  // Sent to the address given here, or else to the one in the application.
  z.strictObject({ method: z.literal('post'), sendBy: CivilDate, address: optionalText(300) }),
  z.strictObject({ method: z.literal('electronic'), sendBy: CivilDate, to: freeText(300) }),
]);
export type AccessArrangement = z.infer<typeof AccessArrangement>;

/**
 * Where the information was already proactively published (Reg. 36(1)), for the letter to say "该信息已经
 * 主动公开" only when it is: a publication of Gongkai's reading room (checked when the decision is made:
 * it exists, is public and is not withdrawn), or a publication elsewhere (a gazette, a portal, before the
 * agency used Gongkai) that staff name with its date, which must not be after the decision.
 */
export const PublishedReference = z.union([
  z.strictObject({
    publicationId: z.string().regex(/^pub_[0-9a-f]{12}$/, 'must be a publication id'),
  }),
  z.strictObject({
    where: freeText(500),
    publishedOn: CivilDate,
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(500)
      .optional(),
  }),
]);
export type PublishedReference = z.infer<typeof PublishedReference>;

/** What the agency decides; the legal basis and reasons are required wherever RULES §2 requires them. */
export const DecisionInput = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('disclosed'),
    releasedFiles: z.array(ReleasedFile).max(50).default([]),
    // Reg. 36(1): already published — where (see PublishedReference).
    published: PublishedReference.optional(),
    // Reg. 36(1) as clients sent it before `published`: the staff's own words, printed as they are.
    publishedAt: optionalText(500),
    access: z.array(AccessArrangement).min(1).max(4).optional(),
    reasons: optionalText(4000),
    legalBasis: optionalText(1000),
  }),
  z.strictObject({
    outcome: z.literal('partially_disclosed'),
    withheldBecause: z.enum(keysOf(NOT_DISCLOSED_REASONS)),
    releasedFiles: z.array(ReleasedFile).max(50).default([]),
    access: z.array(AccessArrangement).min(1).max(4).optional(),
    reasons: optionalText(4000),
    legalBasis: optionalText(1000),
  }),
  z.strictObject({
    outcome: z.literal('not_disclosed'),
    reason: z.enum(keysOf(NOT_DISCLOSED_REASONS)),
    reasons: optionalText(4000),
    legalBasis: optionalText(1000),
  }),
  z.strictObject({
    outcome: z.literal('cannot_provide'),
    reason: z.enum(keysOf(CANNOT_PROVIDE_REASONS)),
    // Reg. 36(5): if another agency holds it, name it and how to reach it.
    heldBy: z
      .strictObject({ name: freeText(200), contact: freeText(300) })
      .nullable()
      .optional(),
    reasons: optionalText(4000),
    legalBasis: optionalText(1000),
  }),
  z.strictObject({
    outcome: z.literal('not_processed'),
    reason: z.enum(keysOf(NOT_PROCESSED_REASONS)),
    reasons: optionalText(4000),
    legalBasis: optionalText(1000),
  }),
  z.strictObject({
    outcome: z.literal('otherwise_handled'),
    reason: z.enum(keysOf(OTHERWISE_HANDLED_REASONS)),
    reasons: optionalText(4000),
    legalBasis: optionalText(1000),
  }),
]);
export type DecisionInput = z.infer<typeof DecisionInput>;

/** The statistics row of an outcome (the annual report's 三、(三) rows). */
export function outcomeRow(decision: Pick<DecisionInput, 'outcome'> & { reason?: string }): string {
  return decision.reason === undefined || decision.outcome === 'partially_disclosed'
    ? decision.outcome
    : `${decision.outcome}.${decision.reason}`;
}

/** A human label for an outcome and its reason, in the national format's words. */
export function outcomeLabel(decision: { outcome: Outcome; reason?: string | undefined }): string {
  const main = decision.outcome === 'partially_disclosed' ? '部分公开' : OUTCOME_LABELS[decision.outcome];
  const reasons: Record<string, string> = {
    ...NOT_DISCLOSED_REASONS,
    ...CANNOT_PROVIDE_REASONS,
    ...NOT_PROCESSED_REASONS,
    ...OTHERWISE_HANDLED_REASONS,
  };
  const sub = decision.reason === undefined ? undefined : reasons[decision.reason];
  return sub === undefined ? main : `${main}（${sub}）`;
}
