import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { tarGz, type TarEntry } from './tar-gz';

/**
 * The package tarball of the running impact-pack, for `init` to put into a new pack (vendor/), so that the
 * pack's CI installs exactly the version that made it from a file the pack's owner holds, with no package
 * registry name to trust or claim. It holds what `npm pack` puts into the package (package.json's `files`,
 * the README and the licence), taken from the installation itself, so it works from an installed package
 * as well as from a built checkout.
 */
export interface VendoredPackage {
  /** The tarball's file name, as npm pack names it: impact-pack-0.1.0.tgz. */
  file: string;
  bytes: Buffer;
}

/** The folder where `init` puts the tarball, relative to the pack. */
export const VENDOR_DIR = 'vendor';

/** The installation's root: two levels above this module, in dist/init/ and (under ts-jest) in src/init/. */
export const PACKAGE_ROOT = path.resolve(__dirname, '../..');

/** Never part of a package, wherever they sit (npm pack leaves them out too). */
const NEVER_PACKED = new Set(['node_modules', '.git', '.DS_Store', '.npmrc', 'npm-debug.log', 'package-lock.json']);

interface PackageJson {
  name: string;
  version: string;
  main?: string;
  files?: string[];
  bin?: Record<string, string>;
}

/** impact-pack-0.1.0.tgz; a scoped name @a/b gives a-b-0.1.0.tgz, as with npm pack. */
export function tarballName(name: string, version: string): string {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

/** Where the pack keeps the tarball of this version of impact-pack, relative to the pack (forward slashes). */
export function vendoredTarballPath(version: string, name = 'impact-pack'): string {
  return `${VENDOR_DIR}/${tarballName(name, version)}`;
}

/**
 * Packs the installation at root. Returns a problem instead when the installation cannot make a working
 * package (a source checkout that was never built has no dist/).
 */
export async function packInstallation(root: string = PACKAGE_ROOT): Promise<{ value?: VendoredPackage; problem?: string }> {
  let pkg: PackageJson;
  try {
    pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as PackageJson;
  } catch (error) {
    return { problem: `cannot read ${path.join(root, 'package.json')}: ${(error as Error).message}` };
  }
  const needed = [pkg.main ?? 'index.js', ...Object.values(pkg.bin ?? {})];
  const absent = needed.filter((f) => !existsSync(path.join(root, f)));
  if (absent.length > 0) return { problem: `${root} has no ${absent.join(', ')} (a checkout that was not built: run npm run build:ts there)` };

  const top = await readdir(root);
  // Always in a package: package.json, the README and the licence.
  const always = top.filter((f) => f === 'package.json' || /^(readme|licen[cs]e)(\.|$)/i.test(f));
  const files = new Set<string>();
  for (const entry of [...always, ...(pkg.files ?? []), ...needed]) {
    for (const f of await walk(root, path.posix.normalize(entry.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/\/$/, ''))) files.add(f);
  }
  const entries: TarEntry[] = [];
  for (const rel of [...files].sort()) {
    const abs = path.join(root, rel);
    const info = await stat(abs);
    entries.push({ path: `package/${rel}`, bytes: await readFile(abs), mode: info.mode & 0o111 ? 0o755 : 0o644 });
  }
  return { value: { file: tarballName(pkg.name, pkg.version), bytes: tarGz(entries) } };
}

/** The regular files at rel (a file, or a folder walked recursively), relative to root with forward slashes. */
async function walk(root: string, rel: string): Promise<string[]> {
  if (rel === '' || rel.startsWith('..') || NEVER_PACKED.has(path.posix.basename(rel))) return [];
  const info = await stat(path.join(root, rel)).catch(() => undefined);
  if (!info) return [];
  if (info.isFile()) return [rel];
  if (!info.isDirectory()) return [];
  const out: string[] = [];
  for (const name of (await readdir(path.join(root, rel))).sort()) out.push(...(await walk(root, `${rel}/${name}`)));
  return out;
}
