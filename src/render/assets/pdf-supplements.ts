/**
 * What build --embed-files and --merge-pdfs add to one SDG's PDF: the supporting files that document cites,
 * read from the pack (once per build, whatever the number of documents citing them).
 */
import type { StageResult } from '../../diagnostics/diagnostic';
import type { SupportingFile } from '../../files/file-index';
import type { PdfOptions } from '../pdf';
import type { SupportingFileReader } from './supporting-files';

export interface SupplementChoice {
  /** Attach every cited supporting file to the PDF. */
  embedFiles?: boolean;
  /** Append every cited supporting PDF to the PDF. */
  mergePdfs?: boolean;
}

/**
 * @param cited pack-relative paths of the files the document cites, in the order its appendix lists them.
 */
export async function pdfSupplements(
  reader: SupportingFileReader,
  index: readonly SupportingFile[],
  cited: readonly string[],
  choice: SupplementChoice,
): Promise<StageResult<PdfOptions>> {
  if (!choice.embedFiles && !choice.mergePdfs) return { value: {}, diagnostics: [] };
  const byPath = new Map(index.map((file) => [file.path, file]));
  const files = cited.flatMap((path) => byPath.get(path) ?? []);
  // A file named .pdf that is not one is still offered, so that the merge reports it instead of skipping it silently.
  const pdfs = files.filter((file) => file.content === 'pdf' || file.path.toLowerCase().endsWith('.pdf'));
  const needed = choice.embedFiles ? files : pdfs;
  const read = await reader.readAll(needed);
  const pdfPaths = new Set(pdfs.map((file) => file.path));
  return {
    value: {
      ...(choice.embedFiles ? { attachments: read.value } : {}),
      ...(choice.mergePdfs ? { mergePdfs: read.value.filter((file) => pdfPaths.has(file.path)) } : {}),
    },
    diagnostics: read.diagnostics,
  };
}
