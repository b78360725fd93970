import { section } from './section';

/** Complain (投诉举报, Reg. 51): the form, the receipt with its answer date, opening it with the access code. */
export const complaints = section(
  {
    'complaints.new.title': '投诉举报',
    'complaints.new.lead':
      '认为{agency}在政府信息公开工作中侵犯了您的合法权益的，可以投诉、举报（《政府信息公开条例》第五十一条）。',
    'complaints.new.answerWithin':
      '收到投诉后30日内答复；第30日为节假日的，顺延至节假日后的第一个工作日。提交后您会取得投诉编号和访问码，凭此查看答复。',
    'complaints.new.notAnApplication':
      '投诉不是申请公开政府信息。要申请公开某项政府信息，请使用该机关的在线申请。',
    'complaints.new.who': '投诉人',
    'complaints.new.what': '投诉事项',
    'complaints.new.privacy': '您的姓名和联系方式仅用于调查处理和答复本投诉，不会公开。',
    'complaints.new.submit': '提交投诉',
    'complaints.formKey.reused':
      '这张表单已经提交过一份内容不同的投诉。如果您要再提交一份新的投诉，请检查内容后再次点击“提交投诉”',
    'complaints.name.label': '姓名或名称',
    'complaints.name.hint': '个人填写姓名；法人或其他组织填写名称',
    'complaints.name.empty': '请填写姓名或名称',
    'complaints.contact.label': '联系方式',
    'complaints.contact.hint': '电话或通讯地址，用于核实情况和答复',
    'complaints.contact.empty': '请填写联系方式',
    'complaints.email.label': '电子邮箱',
    'complaints.email.hint': '填写后可通过电子邮件收到答复',
    'complaints.email.invalid': '请填写正确的电子邮箱地址，例如 name@example.cn',
    'complaints.trackingNumber.label': '相关申请的申请编号',
    'complaints.trackingNumber.hint':
      '投诉与某一政府信息公开申请有关的，请填写其申请编号，例如2026-K7QX-3M9P',
    'complaints.trackingNumber.invalid':
      '申请编号的格式应为“年份-4位字母或数字-4位字母或数字”，例如2026-K7QX-3M9P',
    'complaints.subject.label': '投诉事由',
    'complaints.subject.hint': '一句话概括，例如：申请逾期未答复',
    'complaints.subject.empty': '请填写投诉事由',
    'complaints.details.label': '事实和理由',
    'complaints.details.hint': '请说明发生了什么、何时发生，以及您认为哪些做法不符合规定',
    'complaints.details.empty': '请填写事实和理由',
    'complaints.tooLong': '不能超过{max}字',
    'complaints.textInvalid': '内容中含有不能接受的隐藏字符（如控制字符），请删除后重新输入',

    'complaints.receipt.title': '投诉举报回执',
    'complaints.receipt.received': '{agency}已收到您的投诉。',
    'complaints.receipt.number': '投诉编号',
    'complaints.receipt.receivedOn': '收到日期',
    'complaints.receipt.answerDueDate': '答复期限',
    'complaints.receipt.answerRule':
      '自收到之日起30日内答复；第30日为节假日的，顺延至节假日后的第一个工作日。',
    'complaints.receipt.code.title': '请保存您的访问码',
    'complaints.receipt.code.keep':
      '访问码只显示这一次。凭投诉编号和访问码，您可以在其他设备上查看投诉和答复。请打印或抄下本回执，不要告诉他人。',
    'complaints.receipt.what': '您提交的投诉',
    'complaints.receipt.back': '返回{agency}',
    'complaints.answer.title': '答复',
    'complaints.answer.pending': '尚未答复。答复后将在本页显示。',
    'complaints.answer.on': '答复日期',
    'complaints.answer.upheld': '调查结论',
    'complaints.answer.upheld.yes': '投诉成立',
    'complaints.answer.upheld.no': '投诉不成立',
    'complaints.answer.text': '答复内容',

    'complaints.open.title': '查看投诉',
    'complaints.open.lead': '请输入投诉{complaintId}的访问码。访问码在提交投诉时显示，也在回执上。',
    'complaints.open.submit': '查看',
    'complaints.accessCode.label': '访问码',
    'complaints.accessCode.hint': '请注意区分大小写',
    'complaints.accessCode.empty': '请输入访问码',
    'complaints.accessCode.wrong': '访问码不正确。请核对回执后重新输入。',
  },
  {
    'complaints.new.title': 'Complain',
    'complaints.new.lead':
      'If you think {agency} has infringed your lawful rights in its disclosure work, you may complain (Reg. 51 of the Regulations on Open Government Information).',
    'complaints.new.answerWithin':
      'The answer comes within 30 days of receipt; if the 30th day is a holiday, on the first working day after it. You will be given a complaint number and an access code to read the answer.',
    'complaints.new.notAnApplication':
      'A complaint is not an application for information. To ask for a piece of government information, apply online to the agency.',
    'complaints.new.who': 'Who complains',
    'complaints.new.what': 'What about',
    'complaints.new.privacy':
      'Your name and contact details are used only to investigate and answer this complaint, and are never published.',
    'complaints.new.submit': 'Send the complaint',
    'complaints.formKey.reused':
      'This form has already sent a different complaint. To send a new one, check the form and choose “Send the complaint” again',
    'complaints.name.label': 'Name',
    'complaints.name.hint': 'Your name, or the name of your organisation',
    'complaints.name.empty': 'Enter your name or your organisation’s',
    'complaints.contact.label': 'How to reach you',
    'complaints.contact.hint': 'A phone number or postal address, to check facts and answer you',
    'complaints.contact.empty': 'Enter a phone number or postal address',
    'complaints.email.label': 'E-mail',
    'complaints.email.hint': 'To receive the answer by e-mail too',
    'complaints.email.invalid': 'Enter an e-mail address such as name@example.cn',
    'complaints.trackingNumber.label': 'Tracking number of the application concerned',
    'complaints.trackingNumber.hint':
      'If the complaint is about an application, its tracking number, for example 2026-K7QX-3M9P',
    'complaints.trackingNumber.invalid':
      'Enter the tracking number as “year-4 letters or digits-4 letters or digits”, for example 2026-K7QX-3M9P',
    'complaints.subject.label': 'Subject',
    'complaints.subject.hint': 'In a line, for example: no reply in time',
    'complaints.subject.empty': 'Enter the subject',
    'complaints.details.label': 'Facts and reasons',
    'complaints.details.hint': 'What happened and when, and what you think was not as the rules require',
    'complaints.details.empty': 'Enter the facts and reasons',
    'complaints.tooLong': 'Must be {max} characters or fewer',
    'complaints.textInvalid':
      'The text holds hidden characters that cannot be accepted (such as control characters): remove them and try again',

    'complaints.receipt.title': 'Complaint receipt',
    'complaints.receipt.received': '{agency} has received your complaint.',
    'complaints.receipt.number': 'Complaint number',
    'complaints.receipt.receivedOn': 'Received on',
    'complaints.receipt.answerDueDate': 'Answer due by',
    'complaints.receipt.answerRule':
      'Answered within 30 days of receipt; if the 30th day is a holiday, on the first working day after it.',
    'complaints.receipt.code.title': 'Keep your access code',
    'complaints.receipt.code.keep':
      'The access code is shown only this once. With the complaint number and the code you can read the complaint and its answer on another device. Print or copy this receipt, and tell nobody the code.',
    'complaints.receipt.what': 'Your complaint',
    'complaints.receipt.back': 'Back to {agency}',
    'complaints.answer.title': 'Answer',
    'complaints.answer.pending': 'Not answered yet. The answer will show on this page.',
    'complaints.answer.on': 'Answered on',
    'complaints.answer.upheld': 'Finding',
    'complaints.answer.upheld.yes': 'Complaint upheld',
    'complaints.answer.upheld.no': 'Complaint not upheld',
    'complaints.answer.text': 'Answer',

    'complaints.open.title': 'Read a complaint',
    'complaints.open.lead':
      'Enter the access code of complaint {complaintId}. It was shown when you complained, and is on your receipt.',
    'complaints.open.submit': 'Read',
    'complaints.accessCode.label': 'Access code',
    'complaints.accessCode.hint': 'Capital and small letters differ',
    'complaints.accessCode.empty': 'Enter the access code',
    'complaints.accessCode.wrong':
      'The access code is not right. Check it against your receipt and enter it again.',
  },
);
