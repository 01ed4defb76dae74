import type { Code } from '../diagnostics/codes';
import type { FileRules } from './file-rules';
import { contentFitsExtension, describeContent, extensionOf, KNOWN_TYPES } from './file-types';
import type { FileFacts } from './hash-cache';

/** A problem with a file itself, reported at every reference that cites it. */
export interface FileFinding {
  code: Extract<Code, 'FILE_TYPE_NOT_ALLOWED' | 'FILE_CONTENT_MISMATCH' | 'FILE_EMPTY' | 'FILE_TOO_LARGE'>;
  message: string;
}

/** Checks a cited file against the pack's limits: allowed extension, content matching the extension, size. Pure. */
export function fileLimitFindings(filePath: string, facts: FileFacts, rules: FileRules): FileFinding[] {
  const findings: FileFinding[] = [];
  const extension = extensionOf(filePath);
  if (!rules.allowedTypes.includes(extension)) {
    findings.push({
      code: 'FILE_TYPE_NOT_ALLOWED',
      message: `"${filePath}" ${extension === '' ? 'has no extension' : `is a .${extension} file`}; the pack allows ${rules.allowedTypes.map((t) => `.${t}`).join(', ')}.`,
    });
  }
  if (facts.size === 0) {
    if (!rules.allowEmpty) findings.push({ code: 'FILE_EMPTY', message: `"${filePath}" is empty (0 bytes).` });
  } else if (!contentFitsExtension(extension, facts.content)) {
    const expected = describeContent(KNOWN_TYPES[extension].content);
    findings.push({
      code: 'FILE_CONTENT_MISMATCH',
      message: `"${filePath}" is named .${extension} but its first bytes are ${describeContent(facts.content)}, not ${expected}.`,
    });
  }
  if (facts.size > rules.maxSizeBytes) {
    findings.push({
      code: 'FILE_TOO_LARGE',
      message: `"${filePath}" is ${sizeText(facts.size)}, more than the pack's limit of ${sizeText(rules.maxSizeBytes)}.`,
    });
  }
  return findings;
}

/** Sizes as a coordinator reads them: bytes, KB or MB (1024-based, as file managers show them). */
function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}
