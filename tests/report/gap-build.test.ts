import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { pdfText, qpdfCheck } from '../helpers/pdf-text';
import { tempDir } from '../helpers/temp-pack';
import { unzipText } from '../helpers/zip';

const VALID = path.join(__dirname, '../fixtures/packs/valid');

describe('build writes every view of the gap report', () => {
  it('writes the Markdown, HTML and JSON views, and the PDF and DOCX through the document writers', async () => {
    const work = tempDir();
    try {
      const out = path.join(work.root, 'out');
      const r = await runCli(['build', VALID, '--out', out]);
      expect(r.code).toBe(0);
      expect(readdirSync(out)).toEqual(expect.arrayContaining(['gap-report.md', 'gap-report.html', 'gap-report.json', 'gap-report.pdf', 'gap-report.docx']));
      const text = pdfText(path.join(out, 'gap-report.pdf'));
      expect(text).toContain('Gap report: Test University');
      expect(text).toContain('Actions, highest value first');
      expect(qpdfCheck(path.join(out, 'gap-report.pdf'))).toMatch(/No syntax or stream encoding errors/);
      expect(unzipText(readFileSync(path.join(out, 'gap-report.docx'))).get('word/document.xml')).toContain('Provisional score (estimate)');
      expect(readFileSync(path.join(out, 'gap-report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);

      const again = path.join(work.root, 'again');
      await runCli(['build', VALID, '--out', again, '--formats', 'html']);
      for (const f of ['gap-report.html', 'gap-report.json', 'gap-report.md']) {
        expect(readFileSync(path.join(again, f)).equals(readFileSync(path.join(out, f)))).toBe(true);
      }
      expect(readdirSync(again)).not.toContain('gap-report.pdf');
    } finally {
      work.cleanup();
    }
  });
});
