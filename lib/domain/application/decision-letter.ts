import type { IsoDate } from '../calendar/civil-date';
import { ID_DOCUMENT_TYPES } from './applicant';
import type { Application, Decision } from './application';
import { cnDate, escapeHtml as escape, letterPage } from './letter-html';
import { outcomeLabel } from './outcomes';
import { remedyRouteOf, remedySentence, type ReconsiderationBody } from './remedies';

/**
 * The decision letter (政府信息公开申请答复告知书): the agency, the applicant, the request, the outcome
 * with its legal basis and reasons, and the remedies with the body that reconsiders, by name
 * (remedies.ts). Rendered once, at decision time, into the timeline event, so the
 * archived letter is exactly what was decided.
 */
export type LetterParties = {
  readonly agencyName: string;
  readonly officeName: string | null;
  readonly officePhone: string | null;
  readonly officeAddress: string | null;
  /** Who reconsiders the agency's decisions, derived from the agency and its parent (remedies.ts). */
  readonly reconsiderationBody: ReconsiderationBody;
};

/** The agency's signature and the office's contacts, at the foot of every letter. */
export function signature(parties: LetterParties, date: IsoDate): string {
  const contacts =
    parties.officePhone === null && parties.officeAddress === null
      ? ''
      : `<p class="meta">联系地址：${escape(parties.officeAddress ?? '')}\u3000联系电话：${escape(parties.officePhone ?? '')}</p>`;
  return `<p class="sign">${escape(parties.agencyName)}${parties.officeName === null ? '' : `<br>${escape(parties.officeName)}`}<br>${cnDate(date)}</p>
${contacts}`;
}

export function decisionLetterHtml(
  application: Application,
  decision: Decision,
  parties: LetterParties,
): string {
  const reason =
    'reason' in decision
      ? decision.reason
      : 'withheldBecause' in decision
        ? decision.withheldBecause
        : undefined;
  const outcome = outcomeLabel({ outcome: decision.outcome, reason });
  const lines: string[] = [];
  if ('publishedAt' in decision && decision.publishedAt !== undefined)
    lines.push(`该信息已经主动公开，获取方式：${escape(decision.publishedAt)}。`);
  if ('releasedFiles' in decision && decision.releasedFiles.length > 0) {
    lines.push(`随本告知书提供：${decision.releasedFiles.map((file) => escape(file.name)).join('、')}。`);
  }
  if ('heldBy' in decision && decision.heldBy)
    lines.push(
      `该信息由${escape(decision.heldBy.name)}负责公开，联系方式：${escape(decision.heldBy.contact)}。`,
    );
  if (decision.reasons !== undefined) lines.push(`理由：${escape(decision.reasons)}`);
  if (decision.legalBasis !== undefined) lines.push(`依据：${escape(decision.legalBasis)}`);
  const remedy = remedySentence(remedyRouteOf(decision.outcome), parties.reconsiderationBody);
  const idType = ID_DOCUMENT_TYPES[application.applicant.idDocument.type];
  return letterPage(
    `政府信息公开申请答复告知书 ${escape(application.id)}`,
    `<h1>政府信息公开申请答复告知书</h1>
<p class="meta">编号：${escape(application.id)}</p>
<p>${escape(application.applicant.name)}（${escape(idType)}）：</p>
<p>本机关于${application.receivedOn === null ? '' : cnDate(application.receivedOn)}收到您的政府信息公开申请，申请获取：“${escape(application.request.description)}”${application.request.documentNumber === undefined ? '' : `（文号：${escape(application.request.documentNumber)}）`}。</p>
<p>经审查，答复如下：<strong>${escape(outcome)}</strong>。</p>
${lines.map((line) => `<p>${line}</p>`).join('\n')}
<p>${escape(remedy)}</p>
${signature(parties, decision.decidedOn)}`,
  );
}
