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

/** What kind of entry a listed name is, from the listing itself (a symbolic link is never followed here). */
export type EntryKind = 'file' | 'folder' | 'link' | 'other';

/**
 * One folder's names, indexed: a pack of 5,000 files in one folder is looked up 10,000 times, and
 * scanning (and case-folding) every name for each lookup made resolving references quadratic.
 */
export class FolderListing {
  /** Names, sorted. */
  readonly names: string[];
  private readonly kinds = new Map<string, EntryKind>();
  private readonly byNfc = new Map<string, string>();
  private readonly byFolded = new Map<string, string[]>();

  constructor(entries: ReadonlyArray<{ name: string; kind: EntryKind }>) {
    this.names = entries.map((e) => e.name).sort(compareText);
    for (const e of entries) this.kinds.set(e.name, e.kind);
    for (const name of this.names) {
      const form = nfc(name);
      if (!this.byNfc.has(form)) this.byNfc.set(form, name);
      const key = folded(name);
      const same = this.byFolded.get(key);
      if (same) same.push(name);
      else this.byFolded.set(key, [name]);
    }
  }

  has(name: string): boolean {
    return this.kinds.has(name);
  }

  kindOf(name: string): EntryKind | undefined {
    return this.kinds.get(name);
  }

  /** The name itself, else the first name equal to it in NFC. */
  exactly(name: string): string | undefined {
    return this.kinds.has(name) ? name : this.byNfc.get(nfc(name));
  }

  /** Names equal to this one when letter case is ignored (NFC), sorted. */
  ignoringCase(name: string): readonly string[] {
    return this.byFolded.get(folded(name)) ?? [];
  }
}

/** Folder listings of one run, read once each, and never of a folder a symbolic link leads out of the pack to. */
export class FolderListings {
  private readonly cache = new Map<string, Promise<FolderListing | undefined>>();

  constructor(
    private readonly root: string,
    private readonly boundary: PackBoundary,
  ) {}

  /** A pack-relative folder's listing ("" for the root); undefined when it is not a readable folder inside the pack. */
  list(folder: string): Promise<FolderListing | undefined> {
    let listing = this.cache.get(folder);
    if (!listing) {
      listing = this.read(folder);
      this.cache.set(folder, listing);
    }
    return listing;
  }

  private async read(folder: string): Promise<FolderListing | undefined> {
    if (!(await this.boundary.contains(folder === '' ? '.' : folder))) return undefined;
    const entries = await readdir(path.join(this.root, folder), { withFileTypes: true }).catch(() => undefined);
    if (!entries) return undefined;
    return new FolderListing(entries.map((e) => ({ name: e.name, kind: e.isSymbolicLink() ? 'link' : e.isFile() ? 'file' : e.isDirectory() ? 'folder' : 'other' })));
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
    const listing = await listings.list(current);
    if (!listing) return undefined;
    const sameIgnoringCase = listing.ignoringCase(segment);
    let chosen = listing.exactly(segment);
    if (chosen === undefined) {
      chosen = sameIgnoringCase[0];
      if (chosen === undefined) return undefined;
      caseDiffers = true;
    }
    for (const other of sameIgnoringCase) {
      if (other !== chosen) collisions.push(nfc(current === '' ? other : `${current}/${other}`));
    }
    current = current === '' ? chosen : `${current}/${chosen}`;
  }
  return { onDisk: current, caseDiffers, collisions };
}
