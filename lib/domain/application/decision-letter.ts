import type { IsoDate } from '../calendar/civil-date';
import { ID_DOCUMENT_TYPES } from './applicant';
import type { Application, Decision } from './application';
import { cnDate, escapeHtml as escape, letterPage } from './letter-html';
import { ACCESS_METHODS, outcomeLabel, type AccessArrangement } from './outcomes';
import { remedyRouteOf, remedySentence, type ReconsiderationBody } from './remedies';

/**
 * The decision letter (政府信息公开申请答复告知书): the agency, the applicant, the request, the outcome
 * with its legal basis and reasons, how to obtain what is disclosed, and the remedies with the body that
 * reconsiders, by name (remedies.ts). Rendered once, at decision time, into the timeline event, so the
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

/** The reading-room publication a decision names as where the information is already published. */
export type PublishedPublication = {
  readonly publicationId: string;
  readonly title: string;
  readonly documentNumber: string | null;
  readonly publishedOn: IsoDate;
  /** The publishing agency's name; null when it is the deciding agency itself. */
  readonly publisher: string | null;
};

/** Reg. 36(1): "该信息已经主动公开" — only with a real publication behind it. */
function publishedLine(decision: Decision, publication: PublishedPublication | null): string | undefined {
  if (decision.outcome !== 'disclosed') return undefined;
  const { published, publishedAt } = decision;
  if (published !== undefined && 'publicationId' in published) {
    if (publication?.publicationId !== published.publicationId)
      throw new Error(`The letter needs publication ${published.publicationId} to name it.`);
    const where = publication.publisher === null ? '本机关' : escape(publication.publisher);
    const number = publication.documentNumber === null ? '' : `（${escape(publication.documentNumber)}）`;
    return `该信息已于${cnDate(publication.publishedOn)}在${where}的政府信息公开目录中主动公开，题为“${escape(publication.title)}”${number}，公开编号${escape(publication.publicationId)}，请在该目录中查阅。`;
  }
  if (published !== undefined)
    return `该信息已于${cnDate(published.publishedOn)}主动公开，载于${escape(published.where)}${published.url === undefined ? '' : `（网址：${escape(published.url)}）`}，请从该处获取。`;
  // As clients wrote it before `published`: the staff's own words.
  return publishedAt === undefined ? undefined : `该信息已经主动公开，获取方式：${escape(publishedAt)}。`;
}

/** Reg. 36(2), 40: how, where and when the applicant obtains the information. */
function accessLine(arrangement: AccessArrangement): string {
  switch (arrangement.method) {
    case 'inspection':
    case 'copying': {
      const when =
        arrangement.from === arrangement.until
          ? `于${cnDate(arrangement.from)}`
          : `于${cnDate(arrangement.from)}至${cnDate(arrangement.until)}期间`;
      const hours = arrangement.hours === undefined ? '' : `（${escape(arrangement.hours)}）`;
      return `您可${when}${hours}到${escape(arrangement.place)}${ACCESS_METHODS[arrangement.method]}该信息。`;
    }
    case 'post':
      return `本机关将于${cnDate(arrangement.sendBy)}前将该信息邮寄至${arrangement.address === undefined ? '您在申请中提供的地址' : escape(arrangement.address)}。`;
    case 'electronic':
      return `本机关将于${cnDate(arrangement.sendBy)}前将该信息以电子数据形式发送至${escape(arrangement.to)}。`;
  }
}

/** The agency's signature and the office's contacts, at the foot of every letter. */
export function signature(parties: LetterParties, date: IsoDate): string {
  const contacts =
    parties.officePhone === null && parties.officeAddress === null
      ? ''
      : `<p class="meta">联系地址：${escape(parties.officeAddress ?? '')}\u3000联系电话：${escape(parties.officePhone ?? '')}</p>`;
  return `<p class="sign">${escape(parties.agencyName)}${parties.officeName === null ? '' : `<br>${escape(parties.officeName)}`}<br>${cnDate(date)}</p>
${contacts}`;
}

export const decisionLetterHtml = (
  application: Application,
  decision: Decision,
  parties: LetterParties,
  publication: PublishedPublication | null = null,
): string =>
  letterPage(
    `政府信息公开申请答复告知书 ${escape(application.id)}`,
    decisionLetterBody(application, decision, parties, publication),
  );

/** The letter's body (HTML, every typed text escaped): what the page around it shows, and a preview too. */
export function decisionLetterBody(
  application: Application,
  decision: Decision,
  parties: LetterParties,
  publication: PublishedPublication | null = null,
): string {
  const reason =
    'reason' in decision
      ? decision.reason
      : 'withheldBecause' in decision
        ? decision.withheldBecause
        : undefined;
  const outcome = outcomeLabel({ outcome: decision.outcome, reason });
  const lines: string[] = [];
  const published = publishedLine(decision, publication);
  if (published !== undefined) lines.push(published);
  if ('releasedFiles' in decision && decision.releasedFiles.length > 0) {
    lines.push(`随本告知书提供：${decision.releasedFiles.map((file) => escape(file.name)).join('、')}。`);
  }
  if ('access' in decision && decision.access !== undefined) lines.push(...decision.access.map(accessLine));
  if ('heldBy' in decision && decision.heldBy)
    lines.push(
      `该信息由${escape(decision.heldBy.name)}负责公开，联系方式：${escape(decision.heldBy.contact)}。`,
    );
  if (decision.reasons !== undefined) lines.push(`理由：${escape(decision.reasons)}`);
  if (decision.legalBasis !== undefined) lines.push(`依据：${escape(decision.legalBasis)}`);
  const remedy = remedySentence(remedyRouteOf(decision.outcome), parties.reconsiderationBody);
  const idType = ID_DOCUMENT_TYPES[application.applicant.idDocument.type];
  return `<h1>政府信息公开申请答复告知书</h1>
<p class="meta">编号：${escape(application.id)}</p>
<p>${escape(application.applicant.name)}（${escape(idType)}）：</p>
<p>本机关于${application.receivedOn === null ? '' : cnDate(application.receivedOn)}收到您的政府信息公开申请，申请获取：“${escape(application.request.description)}”${application.request.documentNumber === undefined ? '' : `（文号：${escape(application.request.documentNumber)}）`}。</p>
<p>经审查，答复如下：<strong>${escape(outcome)}</strong>。</p>
${lines.map((line) => `<p>${line}</p>`).join('\n')}
<p>${escape(remedy)}</p>
${signature(parties, decision.decidedOn)}`;
}
