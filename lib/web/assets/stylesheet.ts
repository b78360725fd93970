/**
 * The portal's one stylesheet. Logical properties only (`margin-inline-start`, not `margin-left`), so a
 * right-to-left page mirrors by itself; system fonts only (no web font is ever fetched: CJK fonts are
 * megabytes, and every office PC and phone has one). Colours meet WCAG AA contrast; focus is always
 * visible (a thick yellow ring with a dark edge, as GOV.UK's); `.large-text` on `<html>` is the 适老化 mode.
 */
export const stylesheet = String.raw`
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%;text-size-adjust:100%}
html.large-text{font-size:125%}
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;font-size:1rem;line-height:1.7;color:#1b1b1b;background:#fff;overflow-wrap:anywhere}
a{color:#0b4ea2;text-decoration:underline;text-underline-offset:.15em}
a:visited{color:#5a2d82}
a:hover{color:#07306a;text-decoration-thickness:.15em}
:focus-visible{outline:3px solid #ffbf47;outline-offset:0;box-shadow:0 0 0 6px #1b1b1b}
a:focus-visible{background:#ffbf47;color:#1b1b1b;box-shadow:0 -2px #ffbf47,0 4px #1b1b1b;outline:none;text-decoration:none}
.visually-hidden,.visually-hidden-prefix{position:absolute!important;inline-size:1px!important;block-size:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;border:0!important;white-space:nowrap!important}
.skip-link{position:absolute;inset-inline-start:-9999px}
.skip-link:focus{position:static;display:block;padding:.5rem 1rem;background:#ffbf47;color:#1b1b1b}
.site-header{background:#8b1a1a;color:#fff;border-block-end:.5rem solid #5c0f0f}
.site-header a,.site-header a:visited{color:#fff}
.site-header a:focus-visible{color:#1b1b1b}
.header-inner,.page,.footer-inner{max-inline-size:64rem;margin-inline:auto;padding-inline:1rem}
.header-inner{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between;padding-block:.75rem}
.site-name{font-size:1.25rem;font-weight:700;text-decoration:none}
.site-nav ul,.tools ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
.tools{font-size:.9375rem}
.page{padding-block:1.5rem 3rem}
main:focus{outline:none}
h1{font-size:1.75rem;line-height:1.3;margin-block:0 1rem}
h2{font-size:1.375rem;line-height:1.35;margin-block:2rem .75rem}
h3{font-size:1.125rem;margin-block:1.5rem .5rem}
p,ul,ol,dl{margin-block:0 1rem}
.lead{font-size:1.125rem}
.hint{color:#505a5f;margin-block:0 .5rem}
.muted{color:#505a5f}
.breadcrumbs ol{display:flex;flex-wrap:wrap;list-style:none;padding:0;margin:0 0 1rem;font-size:.9375rem}
.breadcrumbs li+li::before{content:"›";margin-inline:.5rem;color:#505a5f}
.site-footer{border-block-start:1px solid #b1b4b6;background:#f3f2f1;font-size:.9375rem}
.footer-inner{padding-block:1.5rem}
.field{margin-block:0 1.5rem}
.field label,.field legend,.label{display:block;font-weight:700;margin-block-end:.25rem}
fieldset{border:0;margin:0 0 1.5rem;padding:0;min-inline-size:0}
legend{font-weight:700;padding:0}
input[type=text],input[type=email],input[type=tel],input[type=search],input[type=date],input[type=number],select,textarea{font:inherit;inline-size:100%;max-inline-size:40rem;padding:.375rem .5rem;border:2px solid #1b1b1b;border-radius:0;background:#fff;color:#1b1b1b}
input.short{max-inline-size:14rem}
textarea{min-block-size:8rem;resize:vertical}
input[type=file]{font:inherit;max-inline-size:100%}
.choice{display:flex;gap:.5rem;align-items:flex-start;margin-block:.25rem}
.choice input{inline-size:1.5rem;block-size:1.5rem;margin:.15rem 0 0;flex:none}
.field-error input,.field-error textarea,.field-error select{border-color:#c00}
.field-error{border-inline-start:4px solid #c00;padding-inline-start:.75rem}
.error-message{display:block;color:#c00;font-weight:700;margin-block:0 .25rem}
.error-summary{border:4px solid #c00;padding:1rem;margin-block:0 1.5rem}
.error-summary h2{margin-block:0 .5rem;font-size:1.25rem}
.error-summary a{color:#c00;font-weight:700}
.button,button{font:inherit;display:inline-block;padding:.5rem 1.25rem;border:0;border-block-end:3px solid #003d0f;background:#00703c;color:#fff;cursor:pointer;text-decoration:none;line-height:1.5}
.button:visited{color:#fff}
.button:hover,button:hover{background:#005a30;color:#fff}
.button.secondary,button.secondary{background:#f3f2f1;color:#1b1b1b;border-block-end-color:#929191}
.button.warning,button.warning{background:#c00;border-block-end-color:#6b0000}
button:focus-visible,.button:focus-visible{background:#ffbf47;color:#1b1b1b;border-block-end-color:#1b1b1b;outline:3px solid transparent;box-shadow:inset 0 0 0 1px #ffbf47}
.actions{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin-block:1.5rem}
.inline-form{display:inline}
.link-button{background:none;border:0;padding:0;color:#0b4ea2;text-decoration:underline;cursor:pointer}
.link-button:hover{background:none;color:#07306a}
.notice{border-inline-start:.5rem solid #0b4ea2;background:#eef4fb;padding:.75rem 1rem;margin-block:0 1.5rem}
.notice.warning{border-color:#b35c00;background:#fff4e5}
.notice.success{border-color:#00703c;background:#e7f5ee}
.panel{border:3px solid #00703c;padding:1rem 1.25rem;margin-block:0 1.5rem}
.secret{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:1.25rem;letter-spacing:.05em;word-break:break-all}
.summary{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:0;border-block-start:1px solid #b1b4b6;margin-block:0 1.5rem}
.summary dt,.summary dd{margin:0;padding:.5rem 0;border-block-end:1px solid #b1b4b6}
.summary dt{font-weight:700;padding-inline-end:1rem}
.table-wrap{overflow-x:auto;margin-block:0 1.5rem}
table{border-collapse:collapse;inline-size:100%}
th,td{text-align:start;padding:.5rem .75rem .5rem 0;border-block-end:1px solid #b1b4b6;vertical-align:top}
th{font-weight:700}
caption{text-align:start;font-weight:700;margin-block-end:.5rem}
.list{list-style:none;padding:0}
.list>li{padding-block:.75rem;border-block-end:1px solid #b1b4b6}
.list>li:first-child{border-block-start:1px solid #b1b4b6}
.meta{color:#505a5f;font-size:.9375rem;margin:0}
.tag{display:inline-block;padding:0 .5rem;background:#e8e8e8;color:#1b1b1b;font-size:.875rem;font-weight:700}
.tag.red{background:#f6d7d2;color:#6b0000}
.tag.green{background:#cce2d8;color:#005a30}
.tag.blue{background:#d2e2f1;color:#07306a}
.timeline{list-style:none;padding:0;border-inline-start:4px solid #b1b4b6;margin-inline-start:.5rem}
.timeline>li{position:relative;padding-inline-start:1.25rem;padding-block-end:1rem}
.timeline>li::before{content:"";position:absolute;inset-inline-start:-.6rem;inset-block-start:.45rem;inline-size:.85rem;block-size:.85rem;border-radius:50%;background:#1b1b1b}
.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin-block:0 1.5rem}
.search .field{margin:0;flex:1 1 14rem}
.columns{display:grid;gap:0 2rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,18rem),1fr))}
.js-only{display:none}
html.js .js-only{display:inline-block}
.char-count{display:block;color:#505a5f;font-size:.9375rem}
.char-count.over{color:#c00;font-weight:700}
.pre{white-space:pre-wrap}
blockquote{margin:0 0 1rem;padding-inline-start:1rem;border-inline-start:4px solid #b1b4b6}
.report-frame{overflow-x:auto}
.report-frame table{font-size:.875rem}
.report-frame th,.report-frame td{border:1px solid #b1b4b6;padding:.25rem .5rem}
.agency-nav{border-block-end:1px solid #b1b4b6;margin-block:0 1.5rem}
.agency-nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;margin:0;padding:0 0 .5rem}
.agency-nav a[aria-current=page]{color:#1b1b1b;font-weight:700;text-decoration:none}
.cards{list-style:none;padding:0}
.cards>li{border-block-start:4px solid #8b1a1a;padding-block-start:.5rem}
.cards h3{margin-block:0 .25rem}
.catalogue{padding-inline-start:1.5rem}
.catalogue li{margin-block:.25rem}
.entry-title{font-size:1.0625rem;margin:0 0 .25rem}
.filters{display:grid;gap:0 1rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,14rem),1fr));align-items:end;background:#f3f2f1;padding:1rem 1rem 0;margin-block:0 1.5rem}
.filters .field,.filters .actions{margin-block:0 1rem}
.document-body{max-inline-size:42em}
.report-frame h1{text-align:center}
.console .site-header{background:#1d3c5a;border-block-end-color:#0f2236}
.console .header-inner,.console .page,.console .footer-inner{max-inline-size:80rem}
.site-nav a[aria-current=page]{font-weight:700;text-decoration-thickness:.2em}
.who{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline;font-size:.9375rem}
.who p{margin:0}
.site-header .muted{color:#e8e8e8}
.site-header .link-button{color:#fff}
.site-header .link-button:focus-visible{background:#ffbf47;color:#1b1b1b}
.tag.amber{background:#fff0c2;color:#594000}
.accounts{list-style:none;padding:0}
.accounts>li{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding-block:.5rem;border-block-end:1px solid #b1b4b6}
@media (max-width:40rem){h1{font-size:1.5rem}.summary{grid-template-columns:1fr}.summary dt{border-block-end:0;padding-block-end:0}}
@media print{.site-header,.site-footer,.skip-link,.tools,.no-print,.actions,.breadcrumbs{display:none}body{font-size:12pt;color:#000}a{color:#000}.page{padding:0;max-inline-size:none}.panel{border-color:#000}}
@media print{.panel,.notice,.summary{break-inside:avoid}}
table.figures td{font-variant-numeric:tabular-nums}
table.figures.wide th[scope=row]{min-inline-size:14rem}
table.figures th.item{font-weight:400}
table.figures .cell-error{border:3px solid #c00;padding-inline:.5rem}
table.figures .cell-error .error-message{font-size:.875rem;min-inline-size:10rem}
.hash{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.8125rem;overflow-wrap:anywhere}
.today-part{margin-block:0 2.5rem}
.row-group{border:1px solid #b1b4b6;padding:.75rem 1rem 0;margin-block:0 1rem}
.row-group>legend{padding-inline:.25rem}
.row-fields{display:grid;gap:0 1rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,12rem),1fr))}
.row-fields .field{margin-block:0 1rem}
.steps>li{margin-block:0 .25rem}
.tree,.tree ul{list-style:none;padding:0}
.tree ul{border-inline-start:2px solid #b1b4b6;margin-inline-start:.5rem;padding-inline-start:1.25rem}
.tree li{margin-block:.5rem}
.card-title{font-size:1.25rem;margin-block:0 .5rem}
.action{border:1px solid #b1b4b6;margin-block:0 .75rem;padding:.5rem 1rem}
.action>summary{cursor:pointer;color:#0b4ea2;font-weight:700;text-decoration:underline;padding-block:.25rem}
.action>summary:focus-visible{outline:3px solid #ffbf47;background:#ffbf47;color:#1b1b1b}
.action[open]>summary{margin-block-end:1rem}
.outcome-group{border-inline-start:4px solid #b1b4b6;padding-inline-start:1rem;margin-block:.75rem}
.letter{border:1px solid #b1b4b6;box-shadow:0 2px 6px rgba(0,0,0,.15);padding:1.5rem 2rem;margin-block:0 1.5rem;font-family:"SimSun","Songti SC",serif;line-height:1.9;overflow-wrap:anywhere}
.letter h1{text-align:center;font-size:1.5rem}
.letter .sign{text-align:end;margin-block-start:2rem}
@media (max-width:40rem){.letter{padding:1rem}}
.tag.nowrap{white-space:nowrap}
`;
