import path from 'node:path';
import type { ResolvedConfig } from '../model/config';
import { DEFAULT_ALLOWED_TYPES } from './file-types';

/** The supporting-file limits of a pack: its config's `supporting_files` section with defaults applied. */
export interface FileRules {
  /** Pack-relative folders searched for orphans, normalised ("." for the whole pack). */
  roots: string[];
  /** Lower-case extensions without the dot. */
  allowedTypes: string[];
  maxSizeBytes: number;
  allowEmpty: boolean;
  /** Glob patterns relative to each root whose files are never orphans. */
  ignore: string[];
  citedByMany: number;
  /** Pack-relative folders a supporting-file glob never descends into (build output, URL snapshots). */
  excluded: string[];
  /** Pack-relative files the pack config itself uses (the institution's logo), NFC: never orphans. */
  usedByConfig: string[];
}

/** 20 MB: large enough for a scanned policy, small enough to upload to a submission portal. */
export const DEFAULT_MAX_SIZE_MB = 20;
/** A README in the files folder explains the folder; it is not evidence. */
export const DEFAULT_ORPHAN_IGNORE: readonly string[] = ['**/README.md'];
export const DEFAULT_CITED_BY_MANY = 3;
export const DEFAULT_SNAPSHOTS_FOLDER = 'snapshots';
/** The folder `impact-pack build` writes to by default. */
const DEFAULT_OUTPUT_FOLDER = 'out';

/** The rules of a pack whose config sets nothing: files/ as the only root, and every default. */
export const DEFAULT_FILE_RULES: Readonly<FileRules> = {
  roots: ['files'],
  allowedTypes: [...DEFAULT_ALLOWED_TYPES],
  maxSizeBytes: DEFAULT_MAX_SIZE_MB * 1024 * 1024,
  allowEmpty: false,
  ignore: [...DEFAULT_ORPHAN_IGNORE],
  citedByMany: DEFAULT_CITED_BY_MANY,
  excluded: [DEFAULT_OUTPUT_FOLDER, DEFAULT_SNAPSHOTS_FOLDER],
  usedByConfig: [],
};

export function fileRulesFor(config: ResolvedConfig): FileRules {
  const section = config.supporting_files ?? {};
  const roots = (section.roots ?? [config.folders.files]).map(normaliseFolder);
  return {
    roots: [...new Set(roots)].sort(),
    allowedTypes: (section.allowed_types ?? DEFAULT_ALLOWED_TYPES).map((t) => t.toLowerCase()),
    maxSizeBytes: Math.round((section.max_size_mb ?? DEFAULT_MAX_SIZE_MB) * 1024 * 1024),
    allowEmpty: section.allow_empty ?? false,
    ignore: section.ignore ?? [...DEFAULT_ORPHAN_IGNORE],
    citedByMany: section.cited_by_many ?? DEFAULT_CITED_BY_MANY,
    excluded: [DEFAULT_OUTPUT_FOLDER, snapshotsFolderOf(config)].map(normaliseFolder),
    usedByConfig: config.institution.logo ? [normaliseFolder(config.institution.logo).normalize('NFC')] : [],
  };
}

/** Where `links --snapshot` writes, pack-relative. */
export function snapshotsFolderOf(config: ResolvedConfig): string {
  return normaliseFolder(config.folders.snapshots ?? DEFAULT_SNAPSHOTS_FOLDER);
}

/** "files/", "./files" and "files" are the same folder. */
export function normaliseFolder(folder: string): string {
  const normal = path.posix.normalize(folder).replace(/\/+$/, '');
  return normal === '' ? '.' : normal;
}

/** Whether a pack-relative path lies in (or is) a pack-relative folder. */
export function isInsideFolder(file: string, folder: string): boolean {
  return folder === '.' || file === folder || file.startsWith(`${folder}/`);
}
