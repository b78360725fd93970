/**
 * A list as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads Chinese), CRLF lines,
 * every cell quoted, and cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR)
 * prefixed with an apostrophe (CSV injection, OWASP).
 */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cell = (value: string | number | null | undefined): string => {
    const text = value === null || value === undefined ? '' : String(value);
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
