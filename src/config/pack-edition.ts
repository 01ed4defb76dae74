import type { Diagnostic, StageResult } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import { locate, parseYamlSource } from '../parse/yaml-source';
import { CONFIG_FILE } from './resolve';

/**
 * The edition a pack config names, read on its own (commands such as `criteria` need only that, and must work
 * on a pack whose other settings are still wrong). `edition: 2027` unquoted is accepted, as the full config
 * reader does. Returns where it was written, for messages.
 */
export function packEdition(text: string): StageResult<{ edition: string; line: number } | undefined> {
  const parsed = parseYamlSource(CONFIG_FILE, text);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const source = parsed.value;
  const data = source?.data;
  if (!source || data === null || typeof data !== 'object' || Array.isArray(data)) {
    if (diagnostics.length === 0) {
      diagnostics.push(diagnostic('CONFIG_INVALID', 'impact-pack.yaml must hold fields such as institution, edition and submit.', { file: CONFIG_FILE, line: 1, column: 1 }));
    }
    return { value: undefined, diagnostics };
  }
  const raw = (data as Record<string, unknown>).edition;
  const edition = typeof raw === 'number' ? String(raw) : raw;
  if (typeof edition !== 'string' || edition === '') {
    diagnostics.push(diagnostic('CONFIG_INVALID', 'impact-pack.yaml names no edition; write e.g. edition: "2027".', { file: CONFIG_FILE, ...locate(source, ['edition']) }));
    return { value: undefined, diagnostics };
  }
  return { value: { edition, line: locate(source, ['edition']).line }, diagnostics };
}
