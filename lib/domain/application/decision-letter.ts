import { ID_DOCUMENT_TYPES } from './applicant';
import type { Application, Decision } from './application';
import { outcomeLabel } from './outcomes';

/**
 * The decision letter (政府信息公开申请答复告知书): the agency, the applicant, the request, the outcome
 * with its legal basis and reasons, and the remedies (Administrative Reconsideration Law Art. 20: 60
 * days; Administrative Litigation Law Art. 46: 6 months). Rendered once, at decision time, into the
 * timeline event, so the archived letter is exactly what was decided.
 */
export type LetterParties = {
  readonly agencyName: string;
  readonly officeName: string | null;
  readonly officePhone: string | null;
  readonly officeAddress: string | null;
  /** Where reconsideration is sought: the agency's parent, if Gongkai knows it. */
  readonly reconsiderationBody: string | null;
};

const escape = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const cnDate = (date: string): string =>
  `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

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
  const reconsideration =
    parties.reconsiderationBody === null
      ? '本机关的上一级主管部门或者本级人民政府'
      : escape(parties.reconsiderationBody);
  const idType = ID_DOCUMENT_TYPES[application.applicant.idDocument.type];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>政府信息公开申请答复告知书 ${escape(application.id)}</title>
<style>body{font-family:"SimSun","Songti SC",serif;max-width:42em;margin:3em auto;line-height:1.9}h1{text-align:center;font-size:1.5em}.meta{color:#444}.sign{text-align:right;margin-top:3em}</style></head>
<body>
<h1>政府信息公开申请答复告知书</h1>
<p class="meta">编号：${escape(application.id)}</p>
<p>${escape(application.applicant.name)}（${escape(idType)}）：</p>
<p>本机关于${application.receivedOn === null ? '' : cnDate(application.receivedOn)}收到您的政府信息公开申请，申请获取：“${escape(application.request.description)}”${application.request.documentNumber === undefined ? '' : `（文号：${escape(application.request.documentNumber)}）`}。</p>
<p>经审查，答复如下：<strong>${escape(outcome)}</strong>。</p>
${lines.map((line) => `<p>${line}</p>`).join('\n')}
<p>如对本答复不服，可以自收到本告知书之日起六十日内向${reconsideration}申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。</p>
<p class="sign">${escape(parties.agencyName)}${parties.officeName === null ? '' : `<br>${escape(parties.officeName)}`}<br>${cnDate(decision.decidedOn)}</p>
${parties.officePhone === null && parties.officeAddress === null ? '' : `<p class="meta">联系地址：${escape(parties.officeAddress ?? '')}\u3000联系电话：${escape(parties.officePhone ?? '')}</p>`}
</body></html>
`;
}
