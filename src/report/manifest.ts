import { compareMetricIds } from '../criteria/metric-order';
import { compareText } from '../diagnostics/make';
import type { DuplicateContent, FileIndex } from '../files/file-index';

/**
 * `manifest.json`: the integrity record of a submission. Every supporting file with its size, SHA-256
 * and media type, and the items, metrics and SDGs that cite it, so that anyone can later prove which
 * bytes the documents rested on. Deterministic: no clock, no modification times, sorted throughout.
 */
export interface Manifest {
  /** Version of this JSON shape, documented in docs/manifest.md. */
  schemaVersion: 1;
  institution: string;
  edition: string;
  /** The pack's build date (YYYY-MM-DD). */
  asOf: string;
  /** The folders searched for files no item cites. */
  roots: string[];
  files: ManifestFile[];
  /** Files under the roots that no item cites. */
  orphans: { path: string; size: number; sameContentAs?: string }[];
  duplicates: DuplicateContent[];
  totals: { files: number; bytes: number; orphans: number };
}

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
  mediaType: string;
  /** Citing items with the YAML file and line of the reference. */
  items: { id: string; file: string; line: number }[];
  metrics: string[];
  sdgs: number[];
}

export function buildManifest(pack: { institution: string; edition: string; asOf: string }, index: FileIndex): Manifest {
  const files: ManifestFile[] = index.files.map((f) => ({
    path: f.path,
    size: f.size,
    sha256: f.sha256,
    mediaType: f.mediaType,
    items: f.citedBy.map((c) => ({ id: c.itemId, file: c.file, line: c.line })).sort((a, b) => compareText(a.id, b.id) || compareText(a.file, b.file)),
    metrics: [...new Set(f.citedBy.map((c) => c.metric))].sort(compareMetricIds),
    sdgs: [...new Set(f.citedBy.map((c) => c.sdg))].sort((a, b) => a - b),
  }));
  return {
    schemaVersion: 1,
    institution: pack.institution,
    edition: pack.edition,
    asOf: pack.asOf,
    roots: [...index.roots],
    files,
    orphans: index.orphans.map((o) => (o.sameContentAs ? { path: o.path, size: o.size, sameContentAs: o.sameContentAs } : { path: o.path, size: o.size })),
    duplicates: index.duplicates.map((d) => ({ sha256: d.sha256, size: d.size, paths: [...d.paths] })),
    totals: { files: files.length, bytes: files.reduce((sum, f) => sum + f.size, 0), orphans: index.orphans.length },
  };
}

export function manifestJson(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
