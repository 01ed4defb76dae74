import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { compareText } from '../diagnostics/make';
import type { PackBoundary } from './inside-pack';

/**
 * How a path is really spelled on disk, found by reading folder listings rather than asking the file
 * system: macOS and Windows answer "yes" to `files/Policy.pdf` when the file is `files/policy.pdf`,
 * Linux answers "no", and a pack has to work on all three. Names are compared in Unicode NFC, so a
 * name macOS wrote in NFD matches a reference typed in NFC.
 */
export interface DiskSpelling {
  /** Pack-relative path as spelled on disk (possibly NFD). */
  onDisk: string;
  /** The reference differs from the disk in letter case somewhere (works only on case-insensitive systems). */
  caseDiffers: boolean;
  /** Other names along the path that differ from it only in case (cannot coexist on macOS or Windows). */
  collisions: string[];
}

/** Folder listings of one run, read once each, and never of a folder a symbolic link leads out of the pack to. */
export class FolderListings {
  private readonly cache = new Map<string, Promise<string[] | undefined>>();

  constructor(
    private readonly root: string,
    private readonly boundary: PackBoundary,
  ) {}

  /** Names in a pack-relative folder ("" for the root), sorted; undefined when it is not a readable folder inside the pack. */
  list(folder: string): Promise<string[] | undefined> {
    let listing = this.cache.get(folder);
    if (!listing) {
      listing = this.read(folder);
      this.cache.set(folder, listing);
    }
    return listing;
  }

  private async read(folder: string): Promise<string[] | undefined> {
    if (!(await this.boundary.contains(folder === '' ? '.' : folder))) return undefined;
    const names = await readdir(path.join(this.root, folder)).catch(() => undefined);
    return names?.sort(compareText);
  }
}

export function nfc(text: string): string {
  return text.normalize('NFC');
}

function folded(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/**
 * Finds a pack-relative path segment by segment: an exact (NFC-equal) name wins, else a name that
 * differs only in case. Undefined when some segment has neither.
 */
export async function spellingOnDisk(listings: FolderListings, relPath: string): Promise<DiskSpelling | undefined> {
  let current = '';
  let caseDiffers = false;
  const collisions: string[] = [];
  for (const segment of relPath.split('/')) {
    const names = await listings.list(current);
    if (!names) return undefined;
    let chosen = names.find((n) => n === segment) ?? names.find((n) => nfc(n) === nfc(segment));
    if (chosen === undefined) {
      chosen = names.find((n) => folded(n) === folded(segment));
      if (chosen === undefined) return undefined;
      caseDiffers = true;
    }
    for (const other of names) {
      if (other !== chosen && folded(other) === folded(chosen)) collisions.push(nfc(current === '' ? other : `${current}/${other}`));
    }
    current = current === '' ? chosen : `${current}/${chosen}`;
  }
  return { onDisk: current, caseDiffers, collisions };
}
