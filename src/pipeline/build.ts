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
import type { Audience } from '../render/view';
import { DRAFT_MARKING, sdgDocumentView } from '../render/view-model';
import { PORTAL_FOLDER, portalAnswers } from '../portal/answers';
import { portalAnswersCsv, portalAnswersJson } from '../portal/answers-csv';
import { portalAnswersHtml } from '../portal/answers-html';
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
import { loadPack, type LoadedPack, type LoadOptions } from './load-pack';
import { cachesIgnored } from '../files/cache-folder';
import { withRecordedLinkLists } from '../urls/link-list-citations';

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
  /**
   * Called with the pack's diagnostics as soon as it is loaded and checked, before anything is rendered:
   * `watch` shows them at once instead of after the documents (rendering takes most of a build).
   */
  onLoaded?(diagnostics: Diagnostic[]): void;
  /**
   * Render even when the pack has errors, and mark every page of every document DRAFT (build --draft). Without it, a
   * pack with errors writes nothing and the previous output stays as it was. The caller picks a folder of its own
   * for a draft (the CLI: <out>-draft), so that a draft never takes the place of a good output.
   */
  draft?: boolean;
}

/** Sub-folder of the output that holds the office's review edition of each SDG document. */
export const REVIEW_FOLDER = 'review';
const AUDIENCES: readonly Audience[] = ['submission', 'review'];

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
  /** The pack (or its rendering) had errors and this was not a draft: nothing was written, the previous output is untouched. */
  blocked?: boolean;
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
  const draft = options.draft === true;
  // The link-list pages the last `links --snapshot` recorded withhold public points like a home page does.
  const loaded = await withRecordedLinkLists(await loadPack(packDir, options), options.env);
  options.onLoaded?.(loaded.diagnostics);
  const diagnostics = [...loaded.diagnostics];
  const pack = loaded.pack;
  if (!pack) return { diagnostics, written: [], sdgs: [], blocked: hasErrors(diagnostics) };
  // A pack with errors never replaces the output (the previous documents stay, byte for byte); --draft renders it
  // on purpose, into a folder of its own, every page marked DRAFT. Warnings do not block.
  if (!draft && hasErrors(diagnostics)) return { diagnostics, written: [], sdgs: [], blocked: true };

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
  const templateOptions = { packTemplatesDir: path.join(pack.root, pack.settings.config.folders.templates), packRoot: pack.root };
  const reuse = await DocumentReuse.open(pack.root, outDir, digestOf({ ...renderSettings, config: pack.settings.config }), options.cache !== false && !cachesIgnored(options.env));
  let documentsDone = 0;
  for (const sdg of sdgs) {
    // Documents that can no longer be written (output locked, refused, disk full) are not worth minutes of rendering.
    if (output.failed) break;
    // One SDG's two editions are one unit of reuse: the same inputs, rendered again or taken over together.
    const view = sdgDocumentView(pack, sdg, options.version, images, { audience: 'submission', draft });
    const reviewView = sdgDocumentView(pack, sdg, options.version, images, { audience: 'review', draft, gaps: report });
    const name = `sdg-${String(sdg).padStart(2, '0')}`;
    const inputs = graph.documents.get(sdg) ?? { evidence: {}, supporting: {} };
    const key = digestOf({ renderSettings, view, reviewView });
    options.onProgress?.({ phase: 'documents', done: documentsDone++, total: sdgs.length });
    const earlier = await reuse.reusable(name, sdg, key, inputs);
    if (earlier) {
      for (const [file, bytes] of earlier.files) await output.put(file, bytes);
      diagnostics.push(...earlier.diagnostics);
      continue;
    }
    const firstOwnDiagnostic = diagnostics.length;
    const documentFiles = new Map<string, Uint8Array | string>();
    for (const audience of AUDIENCES) {
      const audienceView = audience === 'submission' ? view : reviewView;
      const fileName = audience === 'submission' ? name : `${REVIEW_FOLDER}/${name}`;
      const ir = renderToIr(audienceView, { ...templateOptions, audience }, images);
      diagnostics.push(...ir.diagnostics);
      if (!ir.value) {
        renderFailed = true;
        continue;
      }
      let headingPages: HeadingPages | undefined;
      if (formats.includes('pdf')) {
        // --embed-files and --merge-pdfs serve the assessor; the office has the files themselves, so its copy stays light.
        const supplements =
          audience === 'submission' ? await pdfSupplements(supportingFiles, pack.files.files, audienceView.files.map((f) => f.path), options) : { value: undefined, diagnostics: [] };
        diagnostics.push(...supplements.diagnostics);
        const pdf = await renderPdf(ir.value, supplements.value);
        headingPages = pdf.headingPages;
        diagnostics.push(...pdf.diagnostics);
        documentFiles.set(`${fileName}.pdf`, pdf.value);
      }
      if (formats.includes('docx')) {
        const pageNumbers = docxPageNumbers(ir.value, name, sdg);
        const docx = await renderDocx(ir.value, { ...pageNumbers.options, headingPages });
        diagnostics.push(...pageNumbers.diagnostics, ...docx.diagnostics);
        documentFiles.set(`${fileName}.docx`, docx.value);
      }
      if (formats.includes('html')) {
        const html = renderHtml(ir.value);
        diagnostics.push(...html.diagnostics);
        documentFiles.set(`${fileName}.html`, html.value);
      }
    }
    if (renderFailed) continue;
    for (const [file, bytes] of documentFiles) await output.put(file, bytes);
    reuse.record(name, key, documentFiles, diagnostics.slice(firstOwnDiagnostic), inputs);
  }
  options.onProgress?.({ phase: 'documents', done: documentsDone, total: sdgs.length });

  // What to type into THE's portal, and the files to upload under stable names (docs/submission.md).
  if (!output.failed && !renderFailed) diagnostics.push(...(await writePortal(pack, output, draft)));

  const sorted = sortDiagnostics(dedupe(diagnostics));
  if (renderFailed) return { diagnostics: sorted, written: [], report, sdgs: [], blocked: !draft };
  // Errors found while rendering (a template, a file that changed) block as the pack's own do.
  if (!draft && hasErrors(sorted)) return { diagnostics: sorted, written: [], report, sdgs: [], blocked: true };

  try {
    const written = await output.finish();
    await reuse.save();
    return { diagnostics: sorted, written, report, sdgs, documents: reuse.outcomes };
  } catch (error) {
    const message = describeWriteError(error, outDir);
    return { diagnostics: [...sorted, diagnostic('OUTPUT_FAILED', message, { file: '' })], written: [], report, sdgs: [], outputError: message };
  }
}

/**
 * portal/: the answers (computed purely from the pack, src/portal/answers.ts) as JSON, CSV and a page with copy
 * buttons, and each file to upload copied under its stable name. Returns the answers' warnings and any file problem.
 */
async function writePortal(pack: LoadedPack, output: BuildOutputWriter, draft: boolean): Promise<Diagnostic[]> {
  const portal = portalAnswers(pack);
  const diagnostics = [...portal.diagnostics];
  await output.put(`${PORTAL_FOLDER}/answers.json`, portalAnswersJson(portal.value));
  await output.put(`${PORTAL_FOLDER}/answers.csv`, portalAnswersCsv(portal.value));
  await output.put(`${PORTAL_FOLDER}/index.html`, portalAnswersHtml(portal.value, draft ? { marking: DRAFT_MARKING } : {}));
  const fileByPath = new Map(pack.files.files.map((f) => [f.path, f]));
  for (const upload of portal.value.sdgs.flatMap((s) => s.indicators.flatMap((i) => i.evidence.flatMap((e) => (e.upload ? [e.upload] : []))))) {
    const file = fileByPath.get(upload.from);
    if (output.failed || !file) continue;
    // A reader per file: the files are copied one at a time and never all held in memory; each is checked
    // against the hash taken at load, as for --embed-files.
    const read = await new SupportingFileReader(pack.root).readAll([file]);
    diagnostics.push(...read.diagnostics);
    for (const data of read.value) await output.put(upload.name, data.data);
  }
  return diagnostics;
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

const hasErrors = (list: readonly Diagnostic[]): boolean => list.some((d) => d.severity === 'error');

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
