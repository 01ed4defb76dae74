import { toCsv } from '../../src/report/trace-csv';

describe('toCsv', () => {
  it('quotes every field, doubles quotes and ends lines with CRLF', () => {
    expect(toCsv([['a', 'b,c'], ['say "hi"', 'line\nbreak']])).toBe('"a","b,c"\r\n"say ""hi""","line\nbreak"\r\n');
  });

  it('keeps spreadsheets from running evidence text as a formula', () => {
    expect(toCsv([['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', 'plain']])).toBe(
      `"'=HYPERLINK(""http://x"")","'+1","'-2","'@SUM(A1)","plain"\r\n`,
    );
  });
});
