import path from 'node:path';
import { analyseGaps, type GapReport } from '../analyse/gaps';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnostic, sortDiagnostics } from '../diagnostics/make';
import { renderDocx } from '../render/docx';
import { renderHtml } from '../render/html';
import { renderPdf } from '../render/pdf';
import { renderToIr } from '../render/templates';
import { sdgDocumentView } from '../render/view-model';
import { gapReportMarkdown } from '../report/gap-markdown';
import { OutputRefused, writeOutputAtomically } from '../write/atomic-output';
import { loadPack, type LoadOptions } from './load-pack';

export type DocumentFormat = 'pdf' | 'docx' | 'html';

export interface BuildOptions extends LoadOptions {
  outDir: string;
  formats?: DocumentFormat[];
  /** Tool version printed on the documents. */
  version: string;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  /** Output files, relative to the output folder; empty when nothing was written. */
  written: string[];
  report?: GapReport;
  /** SDGs a document was rendered for. */
  sdgs: number[];
  /** A problem with the output folder itself (exit 2), as opposed to problems in the pack. */
  outputError?: string;
}

/**
 * validate → analyse → render → write. Documents are rendered in memory first; the output folder is
 * replaced only when every document rendered, so a failed build leaves the previous output whole.
 */
export async function buildPack(packDir: string, options: BuildOptions): Promise<BuildResult> {
  const formats = options.formats ?? ['pdf', 'docx', 'html'];
  const loaded = await loadPack(packDir, options);
  const diagnostics = [...loaded.diagnostics];
  const pack = loaded.pack;
  if (!pack) return { diagnostics, written: [], sdgs: [] };

  const outDir = path.resolve(options.outDir);
  const refusal = outputOverlapsPack(outDir, pack.root, pack.settings.config.folders);
  if (refusal) return { diagnostics, written: [], sdgs: [], outputError: refusal };

  const report = analyseGaps(pack.catalogue, pack.settings, pack.items, pack.files, diagnostics);
  const outputs = new Map<string, Uint8Array | string>();
  outputs.set('gap-report.md', gapReportMarkdown(report));
  outputs.set('gap-report.json', `${JSON.stringify(report, null, 2)}\n`);

  const sdgs = [...new Set(pack.items.map((p) => p.item.sdg).filter((n): n is number => typeof n === 'number'))]
    .filter((n) => pack.catalogue.sdgs.some((s) => s.number === n))
    .sort((a, b) => a - b);
  let renderFailed = false;
  for (const sdg of sdgs) {
    const view = sdgDocumentView(pack, sdg, options.version);
    const ir = renderToIr(view, { packTemplatesDir: path.join(pack.root, pack.settings.config.folders.templates), packRoot: pack.root });
    diagnostics.push(...ir.diagnostics);
    if (!ir.value) {
      renderFailed = true;
      continue;
    }
    const name = `sdg-${String(sdg).padStart(2, '0')}`;
    if (formats.includes('pdf')) {
      const pdf = await renderPdf(ir.value);
      diagnostics.push(...pdf.diagnostics);
      outputs.set(`${name}.pdf`, pdf.value);
    }
    if (formats.includes('docx')) {
      const docx = await renderDocx(ir.value);
      diagnostics.push(...docx.diagnostics);
      outputs.set(`${name}.docx`, docx.value);
    }
    if (formats.includes('html')) {
      const html = renderHtml(ir.value);
      diagnostics.push(...html.diagnostics);
      outputs.set(`${name}.html`, html.value);
    }
  }
  const sorted = sortDiagnostics(dedupe(diagnostics));
  if (renderFailed) return { diagnostics: sorted, written: [], report, sdgs: [] };

  try {
    const written = await writeOutputAtomically(outDir, outputs);
    return { diagnostics: sorted, written, report, sdgs };
  } catch (error) {
    const message =
      error instanceof OutputRefused
        ? error.message
        : `Could not write ${outDir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. The previous output was left untouched.`;
    return { diagnostics: [...sorted, diagnostic('OUTPUT_FAILED', message, { file: '' })], written: [], report, sdgs: [], outputError: message };
  }
}

/** The output folder must never be the pack, hold the pack, or sit inside its evidence, files or templates. */
function outputOverlapsPack(outDir: string, root: string, folders: { items: string; files: string; templates: string }): string | undefined {
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
  if (inside(root, outDir)) return `The output folder ${outDir} contains the pack; choose another --out.`;
  for (const f of [folders.items, folders.files, folders.templates]) {
    if (inside(outDir, path.resolve(root, f))) return `The output folder ${outDir} lies inside the pack's ${f} folder; choose another --out.`;
  }
  return undefined;
}

/** Glyph warnings repeat per format and per SDG; one per character is enough. */
function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.file}|${d.line}|${d.column}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
