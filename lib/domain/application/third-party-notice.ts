import type { Application, Consultation, DisclosureNotice } from './application';
import { signature, type LetterParties } from './decision-letter';
import { cnDate, escapeHtml as escape, letterPage } from './letter-html';
import { remedySentence } from './remedies';

/**
 * The written notice to a third party that objected (Reg. 32: "将决定公开的政府信息内容和理由书面告知第三
 * 方"): what the agency will disclose and why, and the third party's remedies against that decision — a
 * decision to disclose is not a refusal, so reconsideration or a lawsuit, at its choice (行政复议法 Art. 20;
 * 行政诉讼法 Art. 46). It never names the applicant. Rendered once, when the notice is recorded, into the
 * timeline event, and archived from there.
 */
export function thirdPartyNoticeHtml(
  application: Application,
  consultation: Consultation,
  notice: Pick<DisclosureNotice, 'sentOn' | 'content' | 'reasons'>,
  parties: LetterParties,
): string {
  const reference = `${escape(application.id)}-${escape(consultation.id)}`;
  const answered = consultation.repliedOn === null ? '' : `于${cnDate(consultation.repliedOn)}`;
  return letterPage(
    `政府信息公开决定告知书（第三方） ${reference}`,
    `<h1>政府信息公开决定告知书</h1>
<p class="meta">编号：${reference}</p>
<p>${escape(consultation.name)}：</p>
<p>本机关于${cnDate(consultation.sentOn)}就“${escape(consultation.matter)}”书面征求你方意见，你方${answered}答复不同意公开。</p>
<p>经审查，本机关决定予以公开。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现将决定公开的政府信息内容和理由告知如下：</p>
<p>公开内容：${escape(notice.content)}</p>
<p>理由：${escape(notice.reasons)}</p>
<p>${escape(remedySentence('reconsideration_or_lawsuit', parties.reconsiderationBody, '本决定'))}</p>
${signature(parties, notice.sentOn)}`,
  );
}
