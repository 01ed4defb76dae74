import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { CACHE_FOLDER } from '../files/cache-folder';
import type { BuildOptions, BuildResult } from '../pipeline/build';
import type { LoadOptions } from '../pipeline/load-pack';
import { describeWriteError, OutputRefused } from '../write/output-errors';
import { acquireOutputLock, lockPathFor, type OutputLock } from '../write/output-lock';
import { nodeOutputFileSystem } from '../write/output-fs';
import { ItemCache } from './item-cache';
import { startFileWatcher, WatcherUnavailable, type FileWatcher } from './file-watcher';

/** The pack checked, at the start or after a burst of saved files, before anything is rendered. */
export interface WatchValidation {
  /** 1 for the run at the start. */
  number: number;
  /** Pack-relative paths that changed since the previous cycle, sorted; empty for the first. */
  changed: string[];
  diagnostics: Diagnostic[];
}

/** One validation (and build) of the pack, run at the start and after each burst of saved files. */
export interface WatchCycle extends WatchValidation {
  /** The build's result, when the session builds; its diagnostics add those found while rendering. */
  build?: BuildResult;
}

export interface WatchOptions {
  /** How to load the pack (environment, clock, cache); used when the session only validates. */
  load?: LoadOptions;
  /** Build into this output folder after each validation; absent, the session only validates. */
  build?: BuildOptions;
  /** Stops the session: the watcher closes and the promise resolves once the running cycle ends. */
  signal: AbortSignal;
  /** Quiet time after the last file event before a cycle starts: an editor's save is several events. */
  debounceMs?: number;
  /** Called with the pack's diagnostics as soon as it is checked, before the documents are rendered. */
  onValidated?(validation: WatchValidation): void;
  /** Called when the cycle is over (after the build, when the session builds). */
  onCycle(cycle: WatchCycle): void;
  /** A failure of the watcher itself or a bug in a cycle; the session goes on after a cycle's failure. */
  onError?(error: Error): void;
  /** Once the output folder's watch lock is taken: what happened on the way in (a stale lock taken over). */
  onLocked?(notes: string[]): void;
  /** Once the watcher runs, before the first cycle: from then on no save is missed. */
  onWatching?(): void;
}

/** Measured with @parcel/watcher on Linux: an editor's save arrives as one batch within ~50 ms. */
const DEFAULT_DEBOUNCE_MS = 75;

/** The lock a watch session holds beside its output folder for as long as it runs (`.out.watch.lock`). */
export function watchLockPathFor(outDir: string): string {
  return lockPathFor(outDir).replace(/\.lock$/, '.watch.lock');
}

/**
 * `impact-pack watch` as a library function: validates (and builds) the pack, then again each time files
 * in it are saved. Each cycle re-parses only the evidence files whose text changed (ItemCache) and
 * re-renders only the SDG documents whose inputs changed (the build's DocumentReuse); the rules, the
 * supporting files and the aggregate reports are checked again in full, since they depend on every item.
 * The diagnostics are handed over (onValidated) before rendering starts, so a save shows its problems at
 * once. Hidden files and folders (the cache, locks, version control), node_modules, editors' backup and
 * swap files and the output folder are not watched, so a build never triggers the next one.
 *
 * Only one session builds into an output folder at a time: it holds a lock beside the folder for its whole
 * run; a second session is refused (OutputLocked) with the first one's process, and a lock left by a
 * process that no longer runs is taken over.
 */
export async function watchPack(packDir: string, options: WatchOptions): Promise<void> {
  const root = path.resolve(packDir);
  let lock: OutputLock | undefined;
  if (options.build) {
    const outDir = path.resolve(options.build.outDir);
    try {
      // The lock goes beside the output folder, whose parent a first build creates anyway (as build does).
      await mkdir(path.dirname(outDir), { recursive: true });
      lock = await acquireOutputLock(outDir, {
        fs: nodeOutputFileSystem,
        waitMs: 0,
        lockPath: watchLockPathFor(outDir),
        busyMessage: (who, lockPath) =>
          `Another impact-pack watch is already building into ${outDir} (${who}). Stop it first (Ctrl-C where it runs), ` +
          `or give this one another --out. If no watch is running, delete ${lockPath}.`,
      });
    } catch (error) {
      // A folder that cannot be written (permissions, read-only disk) is refused in words, like a build's.
      if (error instanceof OutputRefused) throw error;
      throw new OutputRefused(describeWriteError(error, outDir));
    }
    options.onLocked?.(lock.notes);
  }
  try {
    await watchLocked(root, options);
  } finally {
    await lock?.release();
  }
}

async function watchLocked(root: string, options: WatchOptions): Promise<void> {
  const itemCache = new ItemCache();
  const outDir = options.build ? path.resolve(options.build.outDir) : undefined;
  const outRel = outDir === undefined ? undefined : path.relative(root, outDir).split(path.sep).join('/');
  const outInside = outRel !== undefined && outRel !== '' && !outRel.startsWith('..') && !path.isAbsolute(outRel);
  const ignored = (rel: string) =>
    rel.split('/').some((segment) => segment.startsWith('.') || segment === 'node_modules') ||
    isEditorScratch(path.posix.basename(rel)) ||
    (outInside && (rel === outRel || rel.startsWith(`${outRel}/`)));

  let cycles = 0;
  const runCycle = async (changed: string[]): Promise<void> => {
    try {
      const number = ++cycles;
      if (options.build) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { buildPack } = require('../pipeline/build') as typeof import('../pipeline/build');
        const onLoaded = (diagnostics: Diagnostic[]) => options.onValidated?.({ number, changed, diagnostics });
        const build = await buildPack(root, { ...options.build, itemCache, onLoaded });
        options.onCycle({ number, changed, diagnostics: build.diagnostics, build });
      } else {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { loadPack } = require('../pipeline/load-pack') as typeof import('../pipeline/load-pack');
        const loaded = await loadPack(root, { ...options.load, itemCache });
        options.onValidated?.({ number, changed, diagnostics: loaded.diagnostics });
        options.onCycle({ number, changed, diagnostics: loaded.diagnostics });
      }
    } catch (error) {
      options.onError?.(error as Error);
    }
  };

  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(fire, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  };
  const fire = () => {
    if (running || options.signal.aborted) return;
    const changed = [...pending].sort();
    pending.clear();
    running = runCycle(changed).finally(() => {
      running = undefined;
      if (pending.size > 0 && !options.signal.aborted) schedule();
    });
  };

  let failed: ((error: Error) => void) | undefined;
  let watcher: FileWatcher;
  try {
    // Started before the first cycle, so that files saved while it runs are not missed.
    watcher = await startFileWatcher(root, {
      // Not watched at all (no events, no folder watches): the output and the busiest hidden folders. The
      // filter above still drops every other hidden path, should the watcher report one.
      ignore: [outInside ? outDir! : undefined, path.join(root, 'node_modules'), path.join(root, '.git'), path.join(root, CACHE_FOLDER)].filter(
        (p): p is string => p !== undefined,
      ),
      onChange(absolute) {
        const rel = path.relative(root, absolute).split(path.sep).join('/');
        if (rel === '' || rel.startsWith('..') || ignored(rel)) return;
        pending.add(rel);
        schedule();
      },
      onError: (error) => failed?.(error),
    });
  } catch (error) {
    if (error instanceof WatcherUnavailable) throw error;
    // Typically the system's limit on watched folders (inotify's max_user_watches) or a folder that went away.
    throw new WatcherUnavailable(`impact-pack cannot watch ${root}: ${(error as Error).message}`);
  }

  await new Promise<void>((resolve) => {
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      void watcher
        .close()
        .catch((error: Error) => options.onError?.(error))
        .then(() => running ?? Promise.resolve())
        .then(() => resolve());
    };
    failed = (error) => {
      options.onError?.(error);
      stop();
    };
    if (options.signal.aborted) return stop();
    options.signal.addEventListener('abort', stop, { once: true });
    options.onWatching?.();
    running = runCycle([]).finally(() => {
      running = undefined;
      if (pending.size > 0 && !options.signal.aborted) schedule();
    });
  });
}

/**
 * Files that editors and tools write beside the one being saved and that are never evidence: Vim's backup
 * (`name~`), its swap files (hidden, `.name.swp`, already ignored) and the `4913` file it creates to test the
 * folder; Emacs' lock and autosave files (`.#name`, `#name#`); JetBrains' `name___jb_tmp___` and
 * `name___jb_old___`; and GNU `sed -i`'s temporary file (`sed` and six letters or digits, no extension). A save
 * through them is seen when the real file is renamed into place; without this rule the temporary file's own
 * events would start a cycle of their own and be listed as changed.
 */
function isEditorScratch(name: string): boolean {
  return (
    name.endsWith('~') ||
    name === '4913' ||
    (name.startsWith('#') && name.endsWith('#')) ||
    /\.(swp|swx|swo)$/.test(name) ||
    /___jb_(tmp|old)___$/.test(name) ||
    /^sed[A-Za-z0-9]{6}$/.test(name)
  );
}
