import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compareText } from '../diagnostics/make';
import { PackBoundary } from '../files/inside-pack';
import type { UrlCheck } from './check-url';

/**
 * Snapshots: what each public URL served at a given time, so that the office can prove what was
 * public at submission. Each run gets its own folder under the pack's snapshots folder, named by its
 * UTC time, and nothing in an earlier run's folder is ever touched.
 */
export interface SnapshotRun {
  /** Pack-relative folder of this run. */
  folder: string;
  absolute: string;
}

export interface SnapshotEntry {
  url: string;
  finalUrl: string;
  /** HTTP status of the final answer, when there was one. */
  httpStatus?: number;
  fetchedAt: string;
  /** The saved body, relative to the run folder; absent when the URL served no 2xx page. */
  body?: string;
  sha256?: string;
  size?: number;
  truncated?: boolean;
  contentType?: string;
  redirects: { from: string; to: string; status: number }[];
}

/** Creates this run's folder; a problem (the folder would leave the pack, or cannot be made) is returned as text. */
export async function openSnapshotRun(packRoot: string, snapshotsFolder: string, now: Date): Promise<{ run?: SnapshotRun; problem?: string }> {
  const parent = path.join(packRoot, snapshotsFolder);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    return { problem: `the snapshots folder ${snapshotsFolder}/ cannot be created (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  if (!(await new PackBoundary(packRoot).contains(snapshotsFolder))) {
    return { problem: `the snapshots folder ${snapshotsFolder}/ leads out of the pack through a link; nothing was saved` };
  }
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  for (let n = 1; n < 100; n++) {
    const name = n === 1 ? stamp : `${stamp}-${n}`;
    const absolute = path.join(parent, name);
    try {
      await mkdir(absolute);
      return { run: { folder: `${snapshotsFolder}/${name}`, absolute } };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        return { problem: `the snapshot folder cannot be created (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
      }
    }
  }
  return { problem: 'too many snapshot runs share this second' };
}

/** A file name for a URL: readable, safe on every file system, and unique through a hash of the URL. */
export function snapshotName(url: string): string {
  let readable = url;
  try {
    const u = new URL(url);
    readable = `${u.hostname}${u.pathname}`;
  } catch {
    // keep the text as it is; the hash keeps the name unique
  }
  const slug = readable
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  return `${slug || 'url'}-${createHash('sha256').update(url).digest('hex').slice(0, 8)}`;
}

/** Where the body of a URL is written while it downloads; renamed once complete. */
export function partialBodyFile(run: SnapshotRun, url: string): string {
  return path.join(run.absolute, `${snapshotName(url)}.part`);
}

const EXTENSIONS: Record<string, string> = {
  'text/html': '.html',
  'application/xhtml+xml': '.html',
  'application/pdf': '.pdf',
  'text/plain': '.txt',
  'text/csv': '.csv',
  'application/json': '.json',
  'image/png': '.png',
  'image/jpeg': '.jpg',
};

/** Moves a downloaded body into place and returns its record; URLs without a body are recorded too. */
export async function finishSnapshot(run: SnapshotRun, check: UrlCheck, fetchedAt: Date): Promise<SnapshotEntry> {
  const entry: SnapshotEntry = { url: check.url, finalUrl: check.finalUrl, fetchedAt: fetchedAt.toISOString(), redirects: check.redirects };
  if (check.httpStatus !== undefined) entry.httpStatus = check.httpStatus;
  const part = partialBodyFile(run, check.url);
  if (!check.body) {
    await rm(part, { force: true });
    return entry;
  }
  const mediaType = (check.body.contentType ?? '').split(';')[0].trim().toLowerCase();
  const name = `${snapshotName(check.url)}${EXTENSIONS[mediaType] ?? '.bin'}`;
  await rename(part, path.join(run.absolute, name));
  return { ...entry, body: name, sha256: check.body.sha256, size: check.body.size, truncated: check.body.truncated, contentType: check.body.contentType };
}

/** index.json of a run: every URL with what it served, sorted by URL. */
export async function writeSnapshotIndex(run: SnapshotRun, entries: SnapshotEntry[], takenAt: Date): Promise<void> {
  const sorted = [...entries].sort((a, b) => compareText(a.url, b.url));
  const index = { format: 'impact-pack/url-snapshot', version: 1, takenAt: takenAt.toISOString(), entries: sorted };
  await writeFile(path.join(run.absolute, 'index.json'), `${JSON.stringify(index, null, 2)}\n`, { flag: 'wx' });
}
