import { compareText } from '../diagnostics/make';
import type { LoadedPack } from '../pipeline/load-pack';
import { sha256 } from './digest';

/**
 * The content-hash dependency graph of a build: which inputs each output is made from.
 *
 *   evidence file ──> item ──> SDG document (sdg-NN.*) ──┐
 *                        └──────────────────────────────> gap report (aggregate)
 *   supporting file ──> manifest entry ──> manifest (aggregate)
 *                   └─> SDG documents of the items citing it
 *
 * Every node carries the SHA-256 of its content, so that comparing two graphs tells exactly which inputs
 * changed and which documents they reach. The aggregate reports depend on every item and are always
 * rewritten (they are cheap); the SDG documents are what a one-item change must not re-render.
 */

/** The inputs of one SDG document, by path: evidence files by the digest of their text, supporting files by SHA-256. */
export interface DocumentInputs {
  evidence: Record<string, string>;
  supporting: Record<string, string>;
}

export interface DependencyGraph {
  /** SDG number → the inputs of its documents. */
  documents: Map<number, DocumentInputs>;
  /** Supporting file → SHA-256: the manifest's entries. */
  manifest: Map<string, string>;
  /** Every evidence file that parsed → digest of its text: what the gap report is made from. */
  evidence: Map<string, string>;
}

/** Builds the graph of a loaded pack. Pure: the supporting files' hashes come from the link stage. */
export function dependencyGraph(pack: LoadedPack): DependencyGraph {
  const fileHash = new Map(pack.files.files.map((f) => [f.path, f.sha256]));
  const evidence = new Map<string, string>();
  const documents = new Map<number, DocumentInputs>();
  for (const p of pack.items) {
    const digest = sha256(p.source.text);
    evidence.set(p.file, digest);
    const sdg = p.item.sdg;
    if (typeof sdg !== 'number') continue;
    let inputs = documents.get(sdg);
    if (!inputs) documents.set(sdg, (inputs = { evidence: {}, supporting: {} }));
    inputs.evidence[p.file] = digest;
    const id = typeof p.item.id === 'string' ? p.item.id : p.file;
    for (const cited of pack.files.byItem.get(id) ?? []) {
      const hash = fileHash.get(cited);
      if (hash !== undefined) inputs.supporting[cited] = hash;
    }
  }
  return { documents, manifest: new Map([...fileHash].sort(([a], [b]) => compareText(a, b))), evidence };
}

/**
 * Why a document's inputs differ from what it was made from last time, in words for the build summary:
 * the evidence and supporting files added, changed or removed. Empty when none did.
 */
export function changedInputs(before: DocumentInputs, after: DocumentInputs): string[] {
  const out: string[] = [];
  const compare = (was: Record<string, string>, now: Record<string, string>) => {
    for (const file of Object.keys(now).sort(compareText)) {
      if (!(file in was)) out.push(`${file} added`);
      else if (was[file] !== now[file]) out.push(`${file} changed`);
    }
    for (const file of Object.keys(was).sort(compareText)) if (!(file in now)) out.push(`${file} removed`);
  };
  compare(before.evidence, after.evidence);
  compare(before.supporting, after.supporting);
  return out;
}
