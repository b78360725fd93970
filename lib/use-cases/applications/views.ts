import { maskedApplicant } from '#lib/domain/application/applicant';
import { isOpen, type Application, type ApplicationStatus } from '#lib/domain/application/application';
import { outcomeLabel } from '#lib/domain/application/outcomes';
import type { ClockState } from '#lib/domain/calendar/clock';
import type { ViewDeps } from './ports';

/**
 * What the applicant and the staff see of an application, derived from the one `Application` schema:
 * the staff see all of it but the secrets; the applicant sees their requests, the decision and a timeline
 * that never says who inside the agency did what.
 */

/** How the due date was reached: receipt, each suspension and resumption, each extension, days off skipped. */
function explainDueDate(reply: ClockState | null) {
  if (reply === null) return [];
  return reply.steps.map((step) => ({
    step: step.event.type,
    on: step.event.on,
    ...(step.event.type === 'suspend' ? { reason: step.event.reason } : {}),
    ...(step.event.type === 'resume' ? { restart: step.event.restart } : {}),
    ...(step.event.type === 'start' || step.event.type === 'extend'
      ? { workingDays: step.event.workingDays }
      : {}),
    ...(step.event.type === 'reschedule' ? { setTo: step.event.dueDate } : {}),
    dueDate: step.dueDate,
    remainingWorkingDays: step.remainingWorkingDays,
    provisional: step.provisional,
    daysOff: step.daysOff,
    adjustedWorkdays: step.adjustedWorkdays,
  }));
}

async function decisionView(deps: ViewDeps, application: Application) {
  const decided = application.decision;
  if (decided === null) return null;
  const reason =
    'reason' in decided ? decided.reason : 'withheldBecause' in decided ? decided.withheldBecause : undefined;
  return {
    outcome: decided.outcome,
    reason: reason ?? null,
    label: outcomeLabel({ outcome: decided.outcome, reason }),
    reasons: decided.reasons ?? null,
    legalBasis: decided.legalBasis ?? null,
    decidedOn: decided.decidedOn,
    heldBy: 'heldBy' in decided ? (decided.heldBy ?? null) : null,
    publishedAt: 'publishedAt' in decided ? (decided.publishedAt ?? null) : null,
    published: 'published' in decided ? (decided.published ?? null) : null,
    access: 'access' in decided ? (decided.access ?? null) : null,
    letterUrl: await deps.letterUrl(decided.letterKey),
    files: await Promise.all(
      ('releasedFiles' in decided ? decided.releasedFiles : []).map(async (file) => ({
        name: file.name,
        url: await deps.uploads.downloadUrl(file.uploadKey, file.name),
      })),
    ),
  };
}

/** Timeline events as the applicant sees them: what happened and when, never who inside the agency. */
const PUBLIC_EVENTS: Record<string, string> = {
  application_submitted: '申请已提交，等待受理确认',
  application_registered: '申请已登记受理',
  application_confirmed: '申请已确认受理',
  clarification_requested: '需要补正申请内容',
  clarification_supplemented: '已收到补正，答复期限重新计算',
  consultation_sent: '正在征求第三方或有关机关意见（所需时间不计入答复期限）',
  consultation_answered: '已收到征求意见答复',
  reply_extended: '答复期限已延长',
  reply_suspended: '因不可抗力中止办理',
  reply_resumed: '恢复办理',
  fee_notice_sent: '已发出收费通知',
  fee_paid: '已缴纳信息处理费',
  decision_made: '已作出答复',
  application_withdrawn: '申请已撤回',
  due_date_recomputed: '节假日安排公布，答复期限已据此确定',
  clarification_delivered: '补正通知已送达，补正期限自送达之日起计算',
  fee_notice_delivered: '收费通知已送达，缴费期限自送达之日起计算',
  consultation_delivered: '征求意见书已送达，征求意见期限自送达之日起计算',
  reasons_requested: '申请公开的数量、频次明显超过合理范围，请说明理由（条例第三十五条）',
  reasons_received: '已收到申请人说明的理由',
  reply_date_set: '申请理由合理，但无法在规定期限内答复，已确定延迟答复的合理期限',
  // Nothing final: deemed abandoned only without a good reason, which the handler reviews (Reg. 30).
  abandonment_pending: '补正期限已届满，本机关正在审查',
  abandonment_reopened: '补正期限已重新确定',
};

/** Each status as the applicant's status page says it (every status has its words: the map is total). */
const PUBLIC_STATUS: Record<ApplicationStatus, string> = {
  awaiting_confirmation: '已提交，等待本机关确认受理（确认之日为收到申请之日）',
  in_progress: '办理中',
  awaiting_clarification: '待补正：请在补正期限内补正申请内容',
  abandonment_pending: '补正期限已届满，本机关正在审查；如有正当理由未能按期补正，请尽快与本机关联系说明',
  consulting: '办理中：正在征求意见（所需时间不计入答复期限）',
  awaiting_fee: '待缴纳信息处理费',
  suspended: '因不可抗力中止办理',
  decided: '已答复',
  withdrawn: '已撤回',
};

/** What a period sent by post waits for, as the case and the status page say it. */
const WAITS_FOR_DELIVERY = '期限自送达之日起计算，等待登记送达日期';

function publicTimeline(events: readonly Record<string, unknown>[]) {
  return events.flatMap((event) => {
    const type = typeof event.type === 'string' ? event.type : '';
    const description = PUBLIC_EVENTS[type];
    if (description === undefined) return [];
    const data = (event.data ?? {}) as Record<string, unknown>;
    return [
      {
        at: event.at,
        type,
        description,
        ...(typeof data.dueDate === 'string'
          ? { dueDate: data.dueDate }
          : typeof data.supplementBy === 'string' && type === 'abandonment_reopened'
            ? { dueDate: data.supplementBy }
            : {}),
      },
    ];
  });
}

/** A period not yet started because its notice's delivery is not yet known (notice-delivery.ts). */
const waitsForDelivery = (dueDate: string | null, settledOn: string | null) =>
  dueDate === null && settledOn === null ? { waitsForDelivery: WAITS_FOR_DELIVERY } : {};

/** The notices whose periods wait for the day they were received, for the case view. */
function awaitingDelivery(application: Application) {
  if (!isOpen(application.status)) return [];
  const waiting = [];
  const { clarification, fee } = application;
  if (clarification?.delivery && clarification.dueDate === null && clarification.supplementedOn === null)
    waiting.push({ notice: 'clarification', sentOn: clarification.requestedOn, ...clarification.delivery });
  for (const consultation of application.consultations)
    if (consultation.delivery && consultation.dueDate === null && consultation.repliedOn === null)
      waiting.push({
        notice: 'consultation',
        consultationId: consultation.id,
        sentOn: consultation.sentOn,
        ...consultation.delivery,
      });
  if (fee?.delivery && fee.dueDate === null && fee.paidOn === null)
    waiting.push({ notice: 'fee', sentOn: fee.noticeOn, ...fee.delivery });
  return waiting.map((notice) => ({ ...notice, says: WAITS_FOR_DELIVERY }));
}

/** The applicant's status page. */
export async function publicView(
  deps: ViewDeps,
  application: Application,
  reply: ClockState | null,
  events: readonly Record<string, unknown>[],
) {
  const requests = [];
  if (application.clarification) {
    const { clarification } = application;
    requests.push({
      kind: 'clarification',
      items: clarification.items,
      sentOn: clarification.requestedOn,
      delivery: clarification.delivery,
      respondBy: clarification.dueDate,
      ...waitsForDelivery(clarification.dueDate, clarification.supplementedOn),
      answered: clarification.supplementedOn !== null,
    });
  }
  if (application.fee) {
    const { fee } = application;
    requests.push({
      kind: 'fee',
      amountYuan: fee.amountYuan,
      method: fee.method,
      units: fee.units,
      pieces: fee.pieces,
      sentOn: fee.noticeOn,
      delivery: fee.delivery,
      payBy: fee.dueDate,
      ...waitsForDelivery(fee.dueDate, fee.paidOn),
      paid: fee.paidOn !== null,
      explanation: fee.explanation,
    });
  }
  const review = application.volumeReview;
  if (review !== null) {
    requests.push({
      kind: 'reasons',
      question: review.question,
      sentOn: review.requestedOn,
      answered: review.answeredOn !== null,
      answeredOn: review.answeredOn,
    });
  }
  return {
    trackingNumber: application.id,
    agencyId: application.agencyId,
    status: application.status,
    statusText: PUBLIC_STATUS[application.status],
    submittedAt: application.submittedAt,
    receivedOn: application.receivedOn,
    dueDate: application.dueDate,
    provisional: application.provisional,
    dueDateExplained: explainDueDate(reply),
    // Reg. 35: the later reply date the agency set, and why.
    laterReplyDate:
      review === null || review.laterReply === null
        ? null
        : {
            dueDate: review.laterReply.dueDate,
            setOn: review.laterReply.setOn,
            reason: review.laterReply.reason,
          },
    requests,
    decision: await decisionView(deps, application),
    timeline: publicTimeline(events),
  };
}

/** The case as staff see it: everything but the applicant's secrets (token hash, applicant key). */
export async function staffView(deps: ViewDeps, application: Application, reply: ClockState | null) {
  const { accessTokenHash: _hidden, applicantKey: _key, ...rest } = application;
  return {
    ...rest,
    trackingNumber: application.id,
    dueDateExplained: explainDueDate(reply),
    awaitingDelivery: awaitingDelivery(application),
    // The written notice to a third party that objected, with a link to the archived letter (Reg. 32).
    consultations: await Promise.all(
      application.consultations.map(async (consultation) => ({
        ...consultation,
        disclosureNotice:
          consultation.disclosureNotice === null
            ? null
            : {
                ...consultation.disclosureNotice,
                letterUrl: await deps.letterUrl(consultation.disclosureNotice.letterKey),
              },
      })),
    ),
    decision:
      application.decision === null
        ? null
        : { ...application.decision, view: await decisionView(deps, application) },
  };
}

/** An application in the work queue: identity number and phone masked, the request cut short. */
export const queueItemView = (application: Application) => ({
  trackingNumber: application.id,
  status: application.status,
  channel: application.channel,
  receivedOn: application.receivedOn,
  dueDate: application.dueDate,
  provisional: application.provisional,
  applicant: maskedApplicant(application.applicant),
  request: { description: application.request.description.slice(0, 200) },
  assignee: application.assignee,
  outcome: application.decision?.outcome ?? null,
  // What waits on the office: a confirmation (by the agency's own limit), a lapsed supplement to review.
  confirmBy:
    application.status === 'awaiting_confirmation' ? (application.confirmation?.dueDate ?? null) : null,
  supplementLapsedOn: application.clarification?.lapsedOn ?? null,
});
