import {
  COLUMN_LABELS,
  COLUMNS,
  RESULT_ROWS,
  type ChallengeFigures,
  type ReportContent,
  type Seal,
} from './annual-report';

/** The printable page of an annual report, laid out like the national format's tables. */
const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const paragraphs = (text: string): string =>
  text
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escape(line)}</p>`)
    .join('\n');

function table3(content: ReportContent): string {
  const columns = [...COLUMNS, 'total'];
  const cellsOf = (pick: (column: string) => number) =>
    columns.map((column) => `<td>${pick(column)}</td>`).join('');
  const figures = (column: string) => content.applications[column];
  const groups = [...new Set(RESULT_ROWS.map((row) => row.group))];
  const resultRows = groups
    .map((group) => {
      const rows = RESULT_ROWS.filter((row) => row.group === group);
      if (rows.length === 1 && rows[0]?.label === group) {
        return `<tr><th colspan="2" class="sub">${escape(group)}</th>${cellsOf((column) => figures(column)?.results[rows[0]?.key ?? ''] ?? 0)}</tr>`;
      }
      return rows
        .map(
          (row, index) =>
            `<tr>${index === 0 ? `<th rowspan="${rows.length}" class="sub">${escape(group)}</th>` : ''}<th class="item">${escape(row.label)}</th>${cellsOf((column) => figures(column)?.results[row.key] ?? 0)}</tr>`,
        )
        .join('\n');
    })
    .join('\n');
  return `<table id="table-3">
<thead>
<tr><th colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan="7">申请人情况</th></tr>
<tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>
<tr>${COLUMNS.slice(1)
    .map((column) => `<th>${escape(COLUMN_LABELS[column])}</th>`)
    .join('')}</tr>
</thead>
<tbody>
<tr><th colspan="3">一、本年新收政府信息公开申请数量</th>${cellsOf((column) => figures(column)?.received ?? 0)}</tr>
<tr><th colspan="3">二、上年结转政府信息公开申请数量</th>${cellsOf((column) => figures(column)?.carriedIn ?? 0)}</tr>
<tr><th rowspan="${RESULT_ROWS.length + 1}">三、本年度办理结果</th>
${resultRows.replace(/^<tr>/, '')}
<tr><th colspan="2" class="sub">（七）总计</th>${cellsOf((column) => figures(column)?.resultsTotal ?? 0)}</tr>
<tr><th colspan="3">四、结转下年度继续办理</th>${cellsOf((column) => figures(column)?.carriedOut ?? 0)}</tr>
</tbody>
</table>`;
}

const challengeCells = (figures: ChallengeFigures): string =>
  [figures.upheld, figures.corrected, figures.other, figures.pending, figures.total]
    .map((n) => `<td>${n}</td>`)
    .join('');

export function annualReportHtml(content: ReportContent, seal: Seal | null): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(content.agencyName)}${content.year}年政府信息公开工作年度报告</title>
<style>
body{font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;max-width:60em;margin:2em auto;line-height:1.8;color:#000}
h1{text-align:center;font-size:1.6em}h2{font-size:1.2em;margin-top:2em}
table{border-collapse:collapse;width:100%;margin:1em 0;font-size:.9em}th,td{border:1px solid #000;padding:.3em .5em;text-align:center}
th.item,th.sub{text-align:left;font-weight:normal}.seal{font-family:monospace;font-size:.8em;color:#333;word-break:break-all}
@media print{body{margin:0}}
</style></head>
<body>
${annualReportBody(content, seal)}</body></html>
`;
}

/**
 * The report itself — its title, sections and tables, and its seal — without the page around it: the
 * printable page's body, and what another page (the portal's frame) shows. Every value is escaped here.
 */
export function annualReportBody(content: ReportContent, seal: Seal | null): string {
  const p = content.proactive;
  const five = '<th>结果维持</th><th>结果纠正</th><th>其他结果</th><th>尚未审结</th><th>总计</th>';
  return `<h1>${escape(content.agencyName)}${content.year}年政府信息公开工作年度报告</h1>
<h2>一、总体情况</h2>
${paragraphs(content.narrative.general)}
<h2>二、主动公开政府信息情况</h2>
<table id="table-2">
<tr><th colspan="4">第二十条第（一）项</th></tr>
<tr><th>信息内容</th><th>本年制发件数</th><th>本年废止件数</th><th>现行有效件数</th></tr>
<tr><th>规章</th><td>${p.rules.issued}</td><td>${p.rules.repealed}</td><td>${p.rules.valid}</td></tr>
<tr><th>行政规范性文件</th><td>${p.normativeDocuments.issued}</td><td>${p.normativeDocuments.repealed}</td><td>${p.normativeDocuments.valid}</td></tr>
<tr><th colspan="4">第二十条第（五）项</th></tr>
<tr><th>信息内容</th><th colspan="3">本年处理决定数量</th></tr>
<tr><th>行政许可</th><td colspan="3">${p.licensing}</td></tr>
<tr><th colspan="4">第二十条第（六）项</th></tr>
<tr><th>信息内容</th><th colspan="3">本年处理决定数量</th></tr>
<tr><th>行政处罚</th><td colspan="3">${p.penalties}</td></tr>
<tr><th>行政强制</th><td colspan="3">${p.enforcement}</td></tr>
<tr><th colspan="4">第二十条第（八）项</th></tr>
<tr><th>信息内容</th><th colspan="3">本年收费金额（单位：万元）</th></tr>
<tr><th>行政事业性收费</th><td colspan="3">${p.feeIncomeTenThousandYuan}</td></tr>
</table>
<h2>三、收到和处理政府信息公开申请情况</h2>
${table3(content)}
<h2>四、政府信息公开行政复议、行政诉讼情况</h2>
<table id="table-4">
<tr><th colspan="5" rowspan="2">行政复议</th><th colspan="10">行政诉讼</th></tr>
<tr><th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>
<tr>${five}${five}${five}</tr>
<tr>${challengeCells(content.challenges.reconsideration)}${challengeCells(content.challenges.litigationDirect)}${challengeCells(content.challenges.litigationAfterReconsideration)}</tr>
</table>
<h2>五、存在的主要问题及改进情况</h2>
${paragraphs(content.narrative.problems)}
<h2>六、其他需要报告的事项</h2>
${paragraphs(content.narrative.other)}
${content.fees === undefined ? '' : `<p id="fees">本年度依据《政府信息公开信息处理费管理办法》发出收费通知${content.fees.notices}件，总金额${content.fees.noticedYuan}元；实际收取信息处理费${content.fees.collectedYuan}元。</p>\n`}${seal === null ? '<p class="seal">草稿（未公布）</p>' : `<p class="seal">第${seal.edition}版，公布于${escape(seal.publishedAt)}；SHA-256：${seal.sha256}</p>`}
`;
}
