import path from 'node:path';
import { analyseGaps, type GapReport } from '../analyse/gaps';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnostic, sortDiagnostics } from '../diagnostics/make';
import { loadLogo } from '../render/assets/load-logo';
import { pdfSupplements } from '../render/assets/pdf-supplements';
import { SupportingFileReader } from '../render/assets/supporting-files';
import { renderDocx } from '../render/docx';
import { docxPageNumbers } from '../render/docx/page-number-policy';
import { renderHtml } from '../render/html';
import { renderPdf, type HeadingPages } from '../render/pdf';
import { renderToIr } from '../render/templates';
import { sdgDocumentView } from '../render/view-model';
import { gapReportDocument } from '../report/gap-document';
import { gapReportHtml } from '../report/gap-html';
import { gapReportJson } from '../report/gap-json';
import { gapReportMarkdown } from '../report/gap-markdown';
import { supportingFileExports } from '../report/manifest-exports';
import { checkInstallation } from '../load/installation';
import type { WriteOutputOptions } from '../write/atomic-output';
import { BuildOutputWriter } from '../write/build-output-writer';
import { describeWriteError } from '../write/output-errors';
import { dependencyGraph } from '../incremental/dependency-graph';
import { digestOf } from '../incremental/digest';
import { DocumentReuse, type DocumentOutcome } from '../incremental/document-reuse';
import { folderDigest } from '../incremental/folder-digest';
import { toolFingerprint } from '../incremental/tool-fingerprint';
import { loadPack, type LoadOptions } from './load-pack';
import { cachesIgnored } from '../files/cache-folder';

export type DocumentFormat = 'pdf' | 'docx' | 'html';

export interface BuildOptions extends LoadOptions {
  outDir: string;
  formats?: DocumentFormat[];
  /** Tool version printed on the documents. */
  version: string;
  /** How the output folder is written: how long to wait for another build's lock, and the file system (tests inject faults). */
  output?: WriteOutputOptions;
  /** Attach the supporting files each SDG document cites to its PDF (build --embed-files). */
  embedFiles?: boolean;
  /** Append the supporting PDFs each SDG document cites to its PDF, as an appendix (build --merge-pdfs). */
  mergePdfs?: boolean;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  /** Output files, relative to the output folder; empty when nothing was written. */
  written: string[];
  report?: GapReport;
  /** SDGs a document was rendered for. */
  sdgs: number[];
  /** Per SDG document: re-rendered (and why) or taken over unchanged from the previous build into the same folder. */
  documents?: DocumentOutcome[];
  /** A problem outside the pack (the output folder, a damaged installation): exit 2, as opposed to problems in the pack. */
  outputError?: string;
}

/**
 * validate → analyse → render → write. Each document goes to a staging folder beside the output folder as
 * soon as it is rendered (so finished documents are not held in memory); the output folder is replaced
 * only when every document rendered and was written, so a failed build leaves the previous output whole.
 */
export async function buildPack(packDir: string, options: BuildOptions): Promise<BuildResult> {
  const opened: { output?: BuildOutputWriter } = {};
  try {
    return await loadRenderAndWrite(packDir, options, opened);
  } finally {
    // Whatever ended the build (a document that failed to render, a bug), the lock and the staging folder go with it.
    await opened.output?.abandon();
  }
}

async function loadRenderAndWrite(packDir: string, options: BuildOptions, opened: { output?: BuildOutputWriter }): Promise<BuildResult> {
  const formats = options.formats ?? ['pdf', 'docx', 'html'];
  const loaded = await loadPack(packDir, options);
  const diagnostics = [...loaded.diagnostics];
  const pack = loaded.pack;
  if (!pack) return { diagnostics, written: [], sdgs: [] };

  const outDir = path.resolve(options.outDir);
  const refusal = outputOverlapsPack(outDir, pack.root, pack.settings.config.folders);
  if (refusal) return { diagnostics, written: [], sdgs: [], outputError: refusal };
  // A missing or corrupt font or default template is the installation's fault, not the pack's: exit 2, clearly.
  const damaged = await checkInstallation(formats);
  if (damaged.length > 0) return { diagnostics: sortDiagnostics([...diagnostics, ...damaged]), written: [], sdgs: [], outputError: damaged[0].message };

  const report = analyseGaps(pack.catalogue, pack.settings, pack.items, pack.files, diagnostics);
  // Taken before rendering: the lock then covers the reuse of the previous output's files too.
  const output = (opened.output = await BuildOutputWriter.open(outDir, options.output));
  await output.put('gap-report.md', gapReportMarkdown(report));
  await output.put('gap-report.html', gapReportHtml(report));
  await output.put('gap-report.json', gapReportJson(report));
  // The gap report also goes through the document writers, for reviewers who read it on paper.
  const gapDocument = gapReportDocument(report, pack.settings.buildDate);
  // The PDF's layout also gives the DOCX its page numbers, so the document is laid out once.
  let gapHeadingPages: HeadingPages | undefined;
  if (formats.includes('pdf')) {
    const pdf = await renderPdf(gapDocument);
    gapHeadingPages = pdf.headingPages;
    diagnostics.push(...pdf.diagnostics);
    await output.put('gap-report.pdf', pdf.value);
  }
  if (formats.includes('docx')) {
    // Very long documents get their DOCX page numbers from the word processor (page-number-policy.ts).
    const pageNumbers = docxPageNumbers(gapDocument, 'gap-report');
    const docx = await renderDocx(gapDocument, { ...pageNumbers.options, headingPages: gapHeadingPages });
    diagnostics.push(...pageNumbers.diagnostics, ...docx.diagnostics);
    await output.put('gap-report.docx', docx.value);
  }
  // Integrity manifest and traceability exports (docs/manifest.md).
  for (const [name, text] of supportingFileExports(pack)) await output.put(name, text);

  const sdgs = [...new Set(pack.items.map((p) => p.item.sdg).filter((n): n is number => typeof n === 'number'))]
    .filter((n) => pack.catalogue.sdgs.some((s) => s.number === n))
    .sort((a, b) => a - b);
  let renderFailed = false;
  // The logo (institution.logo) is read once; a logo that cannot be used is a warning, and the covers go without.
  const logo = await loadLogo(pack.root, pack.settings.config.institution.logo);
  diagnostics.push(...logo.diagnostics);
  const images = new Map(logo.value ? [[logo.value.name, logo.value]] : []);
  const supportingFiles = new SupportingFileReader(pack.root);
  // Incremental rendering (src/incremental): an SDG document whose render inputs have the same digest as in the
  // previous build into this folder is taken over from it; the aggregate reports above are always rewritten.
  const graph = dependencyGraph(pack);
  const renderSettings = {
    tool: toolFingerprint(),
    templates: folderDigest(path.join(pack.root, pack.settings.config.folders.templates)),
    images: digestOf(images),
    formats: [...formats].sort(),
    embedFiles: options.embedFiles === true,
    mergePdfs: options.mergePdfs === true,
  };
  const reuse = await DocumentReuse.open(pack.root, outDir, digestOf({ ...renderSettings, config: pack.settings.config }), options.cache !== false && !cachesIgnored(options.env));
  let documentsDone = 0;
  for (const sdg of sdgs) {
    // Documents that can no longer be written (output locked, refused, disk full) are not worth minutes of rendering.
    if (output.failed) break;
    const view = sdgDocumentView(pack, sdg, options.version, images);
    const name = `sdg-${String(sdg).padStart(2, '0')}`;
    const inputs = graph.documents.get(sdg) ?? { evidence: {}, supporting: {} };
    const key = digestOf({ renderSettings, view });
    options.onProgress?.({ phase: 'documents', done: documentsDone++, total: sdgs.length });
    const earlier = await reuse.reusable(name, sdg, key, inputs);
    if (earlier) {
      for (const [file, bytes] of earlier.files) await output.put(file, bytes);
      diagnostics.push(...earlier.diagnostics);
      continue;
    }
    const firstOwnDiagnostic = diagnostics.length;
    const documentFiles = new Map<string, Uint8Array | string>();
    const ir = renderToIr(view, { packTemplatesDir: path.join(pack.root, pack.settings.config.folders.templates), packRoot: pack.root }, images);
    diagnostics.push(...ir.diagnostics);
    if (!ir.value) {
      renderFailed = true;
      continue;
    }
    let headingPages: HeadingPages | undefined;
    if (formats.includes('pdf')) {
      const supplements = await pdfSupplements(supportingFiles, pack.files.files, view.files.map((f) => f.path), options);
      diagnostics.push(...supplements.diagnostics);
      const pdf = await renderPdf(ir.value, supplements.value);
      headingPages = pdf.headingPages;
      diagnostics.push(...pdf.diagnostics);
      documentFiles.set(`${name}.pdf`, pdf.value);
    }
    if (formats.includes('docx')) {
      const pageNumbers = docxPageNumbers(ir.value, name, sdg);
      const docx = await renderDocx(ir.value, { ...pageNumbers.options, headingPages });
      diagnostics.push(...pageNumbers.diagnostics, ...docx.diagnostics);
      documentFiles.set(`${name}.docx`, docx.value);
    }
    if (formats.includes('html')) {
      const html = renderHtml(ir.value);
      diagnostics.push(...html.diagnostics);
      documentFiles.set(`${name}.html`, html.value);
    }
    for (const [file, bytes] of documentFiles) await output.put(file, bytes);
    reuse.record(name, key, documentFiles, diagnostics.slice(firstOwnDiagnostic), inputs);
  }
  options.onProgress?.({ phase: 'documents', done: documentsDone, total: sdgs.length });
  const sorted = sortDiagnostics(dedupe(diagnostics));
  if (renderFailed) return { diagnostics: sorted, written: [], report, sdgs: [] };

  try {
    const written = await output.finish();
    await reuse.save();
    return { diagnostics: sorted, written, report, sdgs, documents: reuse.outcomes };
  } catch (error) {
    const message = describeWriteError(error, outDir);
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
