/**
 * CSV as spreadsheets write and read it (RFC 4180): comma-separated, fields with a comma, quote or line break in
 * double quotes, quotes doubled, CRLF between records, UTF-8 with a byte-order mark so that Excel opens accents
 * intact. Written here rather than through exceljs's CSV support, which guesses types on reading (6.10 becomes
 * the number 6.1, "2019-09" a date); here every field stays text with its row and column.
 */

const BOM = '\uFEFF';

/** A CSV file from rows of text fields. */
export function writeCsv(rows: string[][]): string {
  return `${BOM}${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

function field(t: string): string {
  return /[",\r\n]/.test(t) || t !== t.trim() ? `"${t.replace(/"/g, '""')}"` : t;
}

export interface CsvRead {
  rows: string[][];
  /** Set when a quoted field never ends; the rows read up to it are kept. */
  unterminatedAt?: { row: number; column: number };
}

/** The records of a CSV text (BOM removed), each a list of fields; record i is spreadsheet row i + 1. */
export function readCsv(input: string): CsvRead {
  const s = input.startsWith(BOM) ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let i = 0;
  let quoted = false;
  let fieldStartedQuoted = false;
  while (i < s.length) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          f += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      f += ch;
      i++;
      continue;
    }
    if (ch === '"' && f === '' && !fieldStartedQuoted) {
      quoted = true;
      fieldStartedQuoted = true;
      i++;
    } else if (ch === ',') {
      row.push(f);
      f = '';
      fieldStartedQuoted = false;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
      fieldStartedQuoted = false;
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else {
      f += ch;
      i++;
    }
  }
  if (quoted) return { rows, unterminatedAt: { row: rows.length + 1, column: row.length + 1 } };
  if (f !== '' || row.length > 0) {
    row.push(f);
    rows.push(row);
  }
  return { rows };
}
