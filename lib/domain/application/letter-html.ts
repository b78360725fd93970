import type { IsoDate } from '../calendar/civil-date';

/** What the letters Gongkai archives as HTML share: escaping, dates as letters write them, the page. */

/** Every piece of text that users or staff typed goes through this before it reaches a letter. */
export const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** `2026-10-30` → `2026年10月30日`. */
export const cnDate = (date: IsoDate): string =>
  `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** The page around a letter's body; `title` and `body` are HTML already escaped. */
export const letterPage = (title: string, body: string): string => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:"SimSun","Songti SC",serif;max-width:42em;margin:3em auto;line-height:1.9}h1{text-align:center;font-size:1.5em}.meta{color:#444}.sign{text-align:right;margin-top:3em}</style></head>
<body>
${body}
</body></html>
`;
