import { section } from './section';

/** Finding and reading: the agency's home, its guide (Reg. 22), the reading room, publications, reports. */
export const reading = section(
  {
    'reading.nav.label': '本机关政府信息公开',
    'reading.nav.home': '机关首页',
    'reading.nav.guide': '政府信息公开指南',
    'reading.nav.publications': '主动公开',
    'reading.nav.reports': '年度报告',
    'reading.nav.apply': '申请公开',
    'reading.nav.complain': '投诉举报',

    'reading.office.title': '政府信息公开工作机构',
    'reading.office.name': '机构名称',
    'reading.office.head': '负责人',
    'reading.office.address': '办公地址',
    'reading.office.postcode': '邮政编码',
    'reading.office.hours': '办公时间',
    'reading.office.phone': '联系电话',
    'reading.office.fax': '传真',
    'reading.office.email': '电子邮箱',
    'reading.office.website': '网站',
    'reading.office.none': '本机关尚未公布政府信息公开工作机构的联系方式。',

    'reading.home.parent': '上级机关：',
    'reading.home.services': '办事',
    'reading.home.guide.body': '如何查阅和申请本机关的政府信息，办理时限、费用和救济途径。',
    'reading.home.apply.title': '申请政府信息公开',
    'reading.home.apply.body': '未主动公开的政府信息，可以向本机关申请公开（条例第二十七条）。',
    'reading.home.complain.title': '投诉举报',
    'reading.home.complain.body':
      '认为本机关未依法主动公开政府信息或未依法答复申请的，可以投诉举报（条例第五十一条）。',
    'reading.home.catalogue': '政府信息公开目录',
    'reading.home.catalogue.hint': '按类别查阅本机关主动公开的政府信息。',
    'reading.home.latest': '最新公开',
    'reading.home.latest.none': '本机关尚未在本平台主动公开政府信息。',
    'reading.home.latest.all': '查看全部主动公开的信息',
    'reading.home.reports': '政府信息公开工作年度报告',
    'reading.home.reports.all': '查看全部年度报告',

    'reading.entry.documentNumber': '文号：{number}',
    'reading.entry.publishedOn': '发布日期：{date}',
    'reading.entry.category': '类别：{category}',

    'reading.room.title': '{agency}主动公开的政府信息',
    'reading.room.crumb': '主动公开',
    'reading.room.lead':
      '本机关依据《中华人民共和国政府信息公开条例》第十九条、第二十条主动公开的政府信息。可按类别、发布年份查找，或按标题、文号搜索。',
    'reading.room.form': '查找主动公开的信息',
    'reading.room.q.label': '标题或文号',
    'reading.room.q.hint': '输入标题中的词，或文号的一部分，例如“〔2026〕12号”',
    'reading.room.category.label': '类别',
    'reading.room.category.all': '全部类别',
    'reading.room.year.label': '发布年份',
    'reading.room.year.all': '全部年份',
    'reading.room.year.option': '{year}年',
    'reading.room.submit': '查找',
    'reading.room.clear': '清除查找条件',
    'reading.room.results': '查找结果',
    'reading.room.count': '本页{count}条',
    'reading.room.none': '没有找到符合条件的信息。请换一个词，或减少查找条件后再试。',
    'reading.room.partial': '本页只查找了部分信息。还有更多信息可以查找，请翻到下一页继续。',
    'reading.room.badQuery.body':
      '查找条件有误：类别、年份或搜索词不正确，或翻页链接已经失效。请回到第一页重新查找。',

    'reading.pub.documentNumber': '文号',
    'reading.pub.issuingOffice': '发布机构',
    'reading.pub.category': '类别',
    'reading.pub.formedOn': '成文日期',
    'reading.pub.effectiveOn': '施行日期',
    'reading.pub.publishedOn': '发布日期',
    'reading.pub.firstPublishedOn': '首次发布日期',
    'reading.pub.changedOn': '变更日期',
    'reading.pub.displayUntil': '公开期限',
    'reading.pub.displayUntil.date': '公开至{date}',
    'reading.pub.titleVersion': '{title}（第{version}版）',
    'reading.pub.longTerm': '长期公开',
    'reading.pub.details': '基本信息',
    'reading.pub.body': '正文',
    'reading.pub.files': '附件',
    'reading.pub.file.download': '（下载）',
    'reading.pub.interpretation': '政策解读：{file}',
    'reading.pub.versions': '版本记录',
    'reading.pub.versions.hint': '本信息每次更新都作为新版本公布，以前的版本仍可查阅。',
    'reading.pub.version': '第{version}版',
    'reading.pub.version.latest': '（最新版本）',
    'reading.pub.version.shown': '（正在查看）',
    'reading.pub.older.title': '这是较早的版本',
    'reading.pub.older.body': '您正在查看第{version}版。本信息已经更新，最新为第{latest}版。',
    'reading.pub.older.link': '查看最新版本',
    'reading.pub.withdrawn.title': '本信息已撤回',
    'reading.pub.withdrawn.body':
      '本信息已于{date}撤回，其正文和附件不再公开。以下是本信息的记录：标题、文号、发布机构和日期，以及撤回的理由。',
    'reading.pub.withdrawn.on': '撤回日期',
    'reading.pub.withdrawn.reason': '撤回理由',
    'reading.pub.withdrawn.basis': '撤回依据',
    'reading.pub.withdrawn.apply': '如需获取该信息，可以向本机关申请政府信息公开。',

    'reading.guide.title': '{agency}政府信息公开指南',
    'reading.guide.lead':
      '为便于公民、法人和其他组织获取本机关的政府信息，依据《中华人民共和国政府信息公开条例》第二十二条编制本指南。',
    'reading.guide.generated':
      '本指南第一至四部分依据本机关在本平台登记的机构信息、公开目录和办理规则生成，随其变化及时更新。',
    'reading.guide.office.title': '一、政府信息公开工作机构',
    'reading.guide.proactive.title': '二、主动公开',
    'reading.guide.proactive.scope':
      '本机关依据条例第十九条、第二十条主动公开政府信息。政府信息公开目录如下，点击类别可查阅该类信息：',
    'reading.guide.proactive.where':
      '主动公开的政府信息在本平台本机关的“主动公开”栏目公开，可按类别、发布年份查找，或按标题、文号搜索。',
    'reading.guide.proactive.time':
      '属于主动公开范围的政府信息，自该信息形成或者变更之日起{days}个工作日内予以公开（条例第二十六条）。',
    'reading.guide.proactive.otherTime': '法律、法规对公开期限另有规定的，从其规定：',
    'reading.guide.proactive.deadline': '{category}：{period}（{basis}）',
    'reading.guide.request.title': '三、依申请公开',
    'reading.guide.request.who':
      '除本机关主动公开的政府信息外，公民、法人或者其他组织可以向本机关申请获取相关政府信息（条例第二十七条）。',
    'reading.guide.request.how': '（一）申请方式',
    'reading.guide.request.online': '在线申请：通过本平台的在线申请页面填写并提交。',
    'reading.guide.request.letter': '信函申请：寄至{address}，{office}收，请在信封上注明“政府信息公开申请”。',
    'reading.guide.request.postcode': '邮政编码：{postcode}。',
    'reading.guide.request.inPerson': '当面申请：在办公时间（{hours}）到{address}当面提交。',
    'reading.guide.request.fax': '传真申请：传真至{fax}。',
    'reading.guide.request.oral':
      '申请人采用书面形式确有困难的，可以口头提出，由本机关代为填写政府信息公开申请（条例第二十九条）。',
    'reading.guide.request.noOffice': '本机关尚未公布受理申请的地址；请通过本平台在线申请。',
    'reading.guide.request.contents.title': '（二）申请内容',
    'reading.guide.request.contents':
      '政府信息公开申请应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径（条例第二十九条）。',
    'reading.guide.request.receipt.title': '（三）收到申请的时间',
    'reading.guide.request.receipt':
      '当面提交的，以提交之日为收到申请之日；以邮寄方式提交的，以本机关签收之日为收到申请之日；以平常信函等无需签收的邮寄方式提交的，以本机关与申请人确认之日为收到申请之日；通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日（条例第三十一条）。',
    'reading.guide.request.clarify':
      '申请内容不明确的，本机关自收到申请之日起7个工作日内一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限；答复期限自本机关收到补正的申请之日起计算（条例第三十条）。',
    'reading.guide.request.time.title': '（四）答复期限',
    'reading.guide.request.time':
      '能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起{reply}个工作日内予以答复。需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过{extension}个工作日（条例第三十三条）。征求第三方和其他机关意见所需时间不计算在答复期限内。',
    'reading.guide.request.fees.title': '（五）收费',
    'reading.guide.request.fees':
      '本机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，可以依照《政府信息公开信息处理费管理办法》收取信息处理费（条例第四十二条），按件或者按量计收，二者只选其一：',
    'reading.guide.request.fees.piece':
      '按件计收：申请人一个自然月内累计申请10件以下（含10件）的，不收费；11至30件，每件100元；31件以上，每增加10件，每件的收费标准提高100元。',
    'reading.guide.request.fees.volume':
      '按量计收：同一申请30页以下（含30页）的，不收费；31至100页，每页10元；101至200页，每页20元；201页以上，每页40元。',
    'reading.guide.request.fees.pay':
      '申请人自收到收费通知之日起{days}个工作日内缴纳；逾期未缴纳的，视为放弃申请，本机关不再处理该申请。',
    'reading.guide.remedies.title': '四、监督和救济',
    'reading.guide.remedies.complaint':
      '公民、法人或者其他组织认为本机关未按照要求主动公开政府信息或者对政府信息公开申请不依法答复处理的，可以投诉、举报（条例第五十一条），本机关在30日内答复。',
    'reading.guide.remedies.body': '本机关政府信息公开行为的行政复议机关：{body}（{basis}）。',
    'reading.guide.remedies.refusal':
      '对不予公开（包括部分公开中不予公开的部分）的答复不服的，应当先申请行政复议：可以自知道该答复之日起六十日内向{body}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼（《中华人民共和国行政复议法》第二十三条）。',
    'reading.guide.remedies.other':
      '对其他答复不服的，可以自知道之日起六十日内向{body}申请行政复议，或者自知道之日起六个月内依法向人民法院提起行政诉讼。',
    'reading.guide.own.title': '五、本机关的补充说明',

    'reading.reports.title': '{agency}政府信息公开工作年度报告',
    'reading.reports.crumb': '年度报告',
    'reading.reports.lead':
      '本机关于每年3月31日前公布上一年度的政府信息公开工作年度报告（条例第四十九条、第五十条），按国家统一格式编制。',
    'reading.reports.none': '本机关尚未在本平台公布政府信息公开工作年度报告。',
    'reading.reports.item': '{year}年度报告',
    'reading.reports.meta': '第{edition}版',
    'reading.reports.metaDated': '第{edition}版，公布于{date}',
    'reading.report.crumb': '{year}年度报告',
    'reading.rollUp.crumb': '{year}年度汇总报告',
    'reading.compliance.title': '{agency}及所属机关{year}年政府信息公开情况',
    'reading.compliance.crumb': '{year}年公开情况',
    'reading.compliance.lead':
      '本机关及所属各机关在该年度收到和答复的政府信息公开申请数、主动公开的信息数，以及是否已公布本年度政府信息公开工作年度报告。数据随办理同步更新。',
    'reading.compliance.caption': '{from}至{to}，共{count}个机关',
    'reading.compliance.agency': '机关',
    'reading.compliance.received': '收到申请',
    'reading.compliance.decided': '作出答复',
    'reading.compliance.published': '主动公开信息',
    'reading.compliance.report': '年度报告',
    'reading.compliance.notPublished': '尚未公布',
    'reading.compliance.read': '已公布，查看',
    'reading.compliance.link': '本机关及所属机关{year}年公开情况',
    'reading.rollUp.title': '{agency}{year}年政府信息公开工作年度报告（汇总）',
    'reading.report.title': '{agency}{year}年政府信息公开工作年度报告',
    'reading.report.editions': '版本',
    'reading.report.editions.hint': '年度报告公布后如有更正，以新的版本公布，原来的版本仍可查阅。',
    'reading.report.edition': '第{edition}版，公布于{date}',
    'reading.report.older': '您正在查看第{edition}版；最新为第{latest}版。',
    'reading.report.notPublished.title': '{year}年度报告尚未公布',
    'reading.report.notPublished.body':
      '{agency}尚未在本平台公布{year}年度的政府信息公开工作年度报告。上一年度的报告于每年3月31日前公布（条例第四十九条）。',
    'reading.report.notPublished.link': '查看已公布的年度报告',
  },
  {
    'reading.nav.label': 'This agency’s disclosure',
    'reading.nav.home': 'Agency home',
    'reading.nav.guide': 'Guide to disclosure',
    'reading.nav.publications': 'Published information',
    'reading.nav.reports': 'Annual reports',
    'reading.nav.apply': 'Apply for information',
    'reading.nav.complain': 'Complain',

    'reading.office.title': 'Disclosure office',
    'reading.office.name': 'Office',
    'reading.office.head': 'Head',
    'reading.office.address': 'Address',
    'reading.office.postcode': 'Postcode',
    'reading.office.hours': 'Opening hours',
    'reading.office.phone': 'Phone',
    'reading.office.fax': 'Fax',
    'reading.office.email': 'E-mail',
    'reading.office.website': 'Website',
    'reading.office.none': 'This agency has not yet published its disclosure office’s contact details.',

    'reading.home.parent': 'Part of: ',
    'reading.home.services': 'What you can do',
    'reading.home.guide.body':
      'How to read and ask for this agency’s information: time limits, fees and how to challenge a decision.',
    'reading.home.apply.title': 'Apply for government information',
    'reading.home.apply.body':
      'Information that is not published can be asked for from this agency (Regulations, Art. 27).',
    'reading.home.complain.title': 'Complain',
    'reading.home.complain.body':
      'If this agency does not publish what it must, or does not answer an application as the law requires, you can complain (Art. 51).',
    'reading.home.catalogue': 'Catalogue of published information',
    'reading.home.catalogue.hint': 'Read what this agency publishes, by category.',
    'reading.home.latest': 'Latest publications',
    'reading.home.latest.none': 'This agency has not published anything on this platform yet.',
    'reading.home.latest.all': 'All published information',
    'reading.home.reports': 'Annual reports on disclosure',
    'reading.home.reports.all': 'All annual reports',

    'reading.entry.documentNumber': 'Document number: {number}',
    'reading.entry.publishedOn': 'Published {date}',
    'reading.entry.category': 'Category: {category}',

    'reading.room.title': 'Information published by {agency}',
    'reading.room.crumb': 'Published information',
    'reading.room.lead':
      'What this agency publishes under Articles 19 and 20 of the Regulations on Open Government Information. Find it by category and year, or search titles and document numbers.',
    'reading.room.form': 'Find published information',
    'reading.room.q.label': 'Title or document number',
    'reading.room.q.hint': 'A word of the title, or part of the document number, such as “〔2026〕12号”',
    'reading.room.category.label': 'Category',
    'reading.room.category.all': 'All categories',
    'reading.room.year.label': 'Year published',
    'reading.room.year.all': 'All years',
    'reading.room.year.option': '{year}',
    'reading.room.submit': 'Find',
    'reading.room.clear': 'Clear the search',
    'reading.room.results': 'Results',
    'reading.room.count': '{count} on this page',
    'reading.room.none': 'Nothing matches. Try another word, or fewer conditions.',
    'reading.room.partial':
      'Only part of the information was searched for this page. Go to the next page to search on.',
    'reading.room.badQuery.body':
      'The search is not valid: the category, year or words are wrong, or the page link has expired. Start again from the first page.',

    'reading.pub.documentNumber': 'Document number',
    'reading.pub.issuingOffice': 'Issued by',
    'reading.pub.category': 'Category',
    'reading.pub.formedOn': 'Date written',
    'reading.pub.effectiveOn': 'In effect from',
    'reading.pub.publishedOn': 'Published',
    'reading.pub.firstPublishedOn': 'First published',
    'reading.pub.changedOn': 'Changed',
    'reading.pub.displayUntil': 'Shown',
    'reading.pub.displayUntil.date': 'until {date}',
    'reading.pub.titleVersion': '{title} (version {version})',
    'reading.pub.longTerm': 'for the long term',
    'reading.pub.details': 'Details',
    'reading.pub.body': 'Text',
    'reading.pub.files': 'Files',
    'reading.pub.file.download': ' (download)',
    'reading.pub.interpretation': 'Interpretation (政策解读): {file}',
    'reading.pub.versions': 'Version history',
    'reading.pub.versions.hint':
      'Each update is published as a new version; earlier versions can still be read.',
    'reading.pub.version': 'Version {version}',
    'reading.pub.version.latest': ' (latest)',
    'reading.pub.version.shown': ' (shown)',
    'reading.pub.older.title': 'This is an earlier version',
    'reading.pub.older.body':
      'You are reading version {version}. It has been updated: the latest is version {latest}.',
    'reading.pub.older.link': 'Read the latest version',
    'reading.pub.withdrawn.title': 'This information has been withdrawn',
    'reading.pub.withdrawn.body':
      'It was withdrawn on {date}; its text and files are no longer published. What remains is its record: title, document number, issuer and dates, and why it was withdrawn.',
    'reading.pub.withdrawn.on': 'Withdrawn on',
    'reading.pub.withdrawn.reason': 'Reason',
    'reading.pub.withdrawn.basis': 'Legal basis',
    'reading.pub.withdrawn.apply': 'To obtain this information, you can apply to the agency for it.',

    'reading.guide.title': 'Guide to government information disclosure: {agency}',
    'reading.guide.lead':
      'This guide tells citizens, legal persons and other organisations how to obtain this agency’s government information, as Article 22 of the Regulations on Open Government Information requires.',
    'reading.guide.generated':
      'Parts 1 to 4 are generated from the office details, catalogue and rules the agency keeps on this platform, and change when they do.',
    'reading.guide.office.title': '1. The disclosure office',
    'reading.guide.proactive.title': '2. Published information',
    'reading.guide.proactive.scope':
      'The agency publishes government information under Articles 19 and 20. Its catalogue (choose a category to read it):',
    'reading.guide.proactive.where':
      'Published information is on this platform, under the agency’s “Published information”: by category and year, or searched by title and document number.',
    'reading.guide.proactive.time':
      'Information to be published is published within {days} working days of being made or changed (Art. 26).',
    'reading.guide.proactive.otherTime': 'Where a law or regulation sets another time limit, it applies:',
    'reading.guide.proactive.deadline': '{category}: {period} ({basis})',
    'reading.guide.request.title': '3. Applying for information',
    'reading.guide.request.who':
      'Beyond what the agency publishes, citizens, legal persons and other organisations may apply to it for government information (Art. 27).',
    'reading.guide.request.how': '(1) How to apply',
    'reading.guide.request.online': 'Online: fill in and send the form on this platform.',
    'reading.guide.request.letter':
      'By letter: to {address}, for {office}, marked “政府信息公开申请” (application for government information).',
    'reading.guide.request.postcode': 'Postcode: {postcode}.',
    'reading.guide.request.inPerson': 'In person: at {address}, during opening hours ({hours}).',
    'reading.guide.request.fax': 'By fax: to {fax}.',
    'reading.guide.request.oral':
      'If writing is truly difficult for you, you may apply orally and the agency fills in the application for you (Art. 29).',
    'reading.guide.request.noOffice':
      'The agency has not yet published an address for applications; apply online.',
    'reading.guide.request.contents.title': '(2) What an application says',
    'reading.guide.request.contents':
      'The applicant’s name, proof of identity and contact details; the name, document number or another description of the information sought; and the form and way in which the applicant wants to receive it (Art. 29).',
    'reading.guide.request.receipt.title': '(3) When an application is received',
    'reading.guide.request.receipt':
      'Handed in: the day it is handed in. By registered post: the day the agency signs for it. By ordinary post: the day the agency confirms it with the applicant. Online or by fax: the day both sides confirm it (Art. 31).',
    'reading.guide.request.clarify':
      'If an application is unclear, the agency tells the applicant once, within 7 working days of receipt, what to add and by when; the reply period then runs from the day the completed application is received (Art. 30).',
    'reading.guide.request.time.title': '(4) Time to reply',
    'reading.guide.request.time':
      'On the spot where possible; otherwise within {reply} working days of receipt. The head of the disclosure office may extend this by at most {extension} working days, telling the applicant (Art. 33). Time spent consulting third parties or other agencies is not counted.',
    'reading.guide.request.fees.title': '(5) Fees',
    'reading.guide.request.fees':
      'Information is provided free of charge. Only where the number or frequency of an applicant’s requests clearly exceeds a reasonable range may a processing fee be charged under the Measures on Processing Fees (Art. 42), by piece or by volume, never both:',
    'reading.guide.request.fees.piece':
      'By piece: up to 10 applications in a calendar month, free; the 11th to 30th, 100 yuan each; from the 31st, each further 10 cost 100 yuan more each.',
    'reading.guide.request.fees.volume':
      'By volume: up to 30 pages per application, free; pages 31 to 100, 10 yuan each; 101 to 200, 20 yuan; from 201, 40 yuan.',
    'reading.guide.request.fees.pay':
      'A fee is paid within {days} working days of receiving the fee notice; if it is not, the application is treated as abandoned.',
    'reading.guide.remedies.title': '4. Oversight and remedies',
    'reading.guide.remedies.complaint':
      'If you believe the agency does not publish what it must, or does not handle an application as the law requires, you may complain (Art. 51); the complaint is answered within 30 days.',
    'reading.guide.remedies.body':
      'The body that reconsiders this agency’s disclosure decisions: {body} ({basis}).',
    'reading.guide.remedies.refusal':
      'A refusal to disclose (including the part withheld in a partial disclosure) must first be reconsidered: apply to {body} within 60 days of learning of it; if you disagree with the reconsideration decision, you may sue within 15 days of receiving it (Administrative Reconsideration Law, Art. 23).',
    'reading.guide.remedies.other':
      'Any other decision: apply to {body} for reconsideration within 60 days, or sue in a people’s court within 6 months, of learning of it.',
    'reading.guide.own.title': '5. More from the agency',

    'reading.reports.title': 'Annual reports on government information disclosure: {agency}',
    'reading.reports.crumb': 'Annual reports',
    'reading.reports.lead':
      'By March 31 each year the agency publishes its report on the previous year’s disclosure work (Arts. 49 and 50), in the national format.',
    'reading.reports.none': 'This agency has not published an annual report on this platform yet.',
    'reading.reports.item': 'Report for {year}',
    'reading.reports.meta': 'edition {edition}',
    'reading.reports.metaDated': 'edition {edition}, published {date}',
    'reading.report.crumb': 'Report for {year}',
    'reading.rollUp.crumb': 'Roll-up for {year}',
    'reading.compliance.title': '{agency} and the agencies under it: disclosure in {year}',
    'reading.compliance.crumb': 'Disclosure in {year}',
    'reading.compliance.lead':
      'For this agency and every agency under it: the applications for disclosure received and answered in the year, the items published proactively, and whether the annual report for the year is published. The figures follow the work as it is done.',
    'reading.compliance.caption': '{from} to {to}: {count} agencies',
    'reading.compliance.agency': 'Agency',
    'reading.compliance.received': 'Applications received',
    'reading.compliance.decided': 'Answered',
    'reading.compliance.published': 'Items published',
    'reading.compliance.report': 'Annual report',
    'reading.compliance.notPublished': 'Not published yet',
    'reading.compliance.read': 'Published: read it',
    'reading.compliance.link': 'This agency and the agencies under it: disclosure in {year}',
    'reading.rollUp.title':
      '{agency}: annual report on government information disclosure, {year} (roll-up of its agencies)',
    'reading.report.title': '{agency}: annual report on government information disclosure, {year}',
    'reading.report.editions': 'Editions',
    'reading.report.editions.hint':
      'A correction of a published report is published as a new edition; earlier editions can still be read.',
    'reading.report.edition': 'Edition {edition}, published {date}',
    'reading.report.older': 'You are reading edition {edition}; the latest is edition {latest}.',
    'reading.report.notPublished.title': 'The report for {year} is not published yet',
    'reading.report.notPublished.body':
      '{agency} has not published its annual report on disclosure for {year} on this platform. A year’s report is published by March 31 of the next year (Art. 49).',
    'reading.report.notPublished.link': 'Published annual reports',
  },
);
