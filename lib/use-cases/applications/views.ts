import { maskedApplicant } from '#lib/domain/application/applicant';
import type { Application, ApplicationStatus } from '#lib/domain/application/application';
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

/** The applicant's status page. */
export async function publicView(
  deps: ViewDeps,
  application: Application,
  reply: ClockState | null,
  events: readonly Record<string, unknown>[],
) {
  const requests = [];
  if (application.clarification) {
    requests.push({
      kind: 'clarification',
      items: application.clarification.items,
      respondBy: application.clarification.dueDate,
      answered: application.clarification.supplementedOn !== null,
    });
  }
  if (application.fee) {
    requests.push({
      kind: 'fee',
      amountYuan: application.fee.amountYuan,
      method: application.fee.method,
      units: application.fee.units,
      payBy: application.fee.dueDate,
      paid: application.fee.paidOn !== null,
      explanation: application.fee.explanation,
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
