import { realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * Whether a path, once every symbolic link on it is resolved, still lies inside the pack. Supporting
 * files that fail this test are reported and never opened: a link in `files/` may point at
 * `/etc/passwd` or at another department's share.
 */
export class PackBoundary {
  private rootReal: Promise<string> | undefined;

  constructor(private readonly root: string) {}

  /** True when the pack-relative path resolves inside the pack; false when it leaves it or does not resolve. */
  async contains(relPath: string): Promise<boolean> {
    this.rootReal ??= realpath(this.root);
    const rootReal = await this.rootReal;
    const real = await realpath(path.join(this.root, relPath)).catch(() => undefined);
    return real !== undefined && (real === rootReal || real.startsWith(rootReal + path.sep));
  }
}
