import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { BuildOptions, BuildResult } from '../pipeline/build';
import type { LoadOptions } from '../pipeline/load-pack';
import { ItemCache } from './item-cache';

/** One validation (and build) of the pack, run at the start and after each burst of saved files. */
export interface WatchCycle {
  /** 1 for the run at the start. */
  number: number;
  /** Pack-relative paths that changed since the previous cycle, sorted; empty for the first. */
  changed: string[];
  diagnostics: Diagnostic[];
  /** The build's result, when the session builds. */
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
  onCycle(cycle: WatchCycle): void;
  /** A failure of the watcher itself or a bug in a cycle; the session goes on after a cycle's failure. */
  onError?(error: Error): void;
}

const DEFAULT_DEBOUNCE_MS = 200;

/**
 * `impact-pack watch` as a library function: validates (and builds) the pack, then again each time files
 * in it are saved. Each cycle re-parses only the evidence files whose text changed (ItemCache) and
 * re-renders only the SDG documents whose inputs changed (the build's DocumentReuse); the rules, the
 * supporting files and the aggregate reports are checked again in full, since they depend on every item.
 * Hidden files and folders (the cache, locks, version control), node_modules and the output folder are
 * not watched, so a build never triggers the next one.
 */
export async function watchPack(packDir: string, options: WatchOptions): Promise<void> {
  const root = path.resolve(packDir);
  const itemCache = new ItemCache();
  const outDir = options.build ? path.relative(root, path.resolve(options.build.outDir)).split(path.sep).join('/') : undefined;
  const ignored = (rel: string) =>
    rel.split('/').some((segment) => segment.startsWith('.') || segment === 'node_modules') ||
    (outDir !== undefined && !outDir.startsWith('..') && (rel === outDir || rel.startsWith(`${outDir}/`)));

  let cycles = 0;
  const runCycle = async (changed: string[]): Promise<void> => {
    try {
      const number = ++cycles;
      if (options.build) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { buildPack } = require('../pipeline/build') as typeof import('../pipeline/build');
        const build = await buildPack(root, { ...options.build, itemCache });
        options.onCycle({ number, changed, diagnostics: build.diagnostics, build });
      } else {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { loadPack } = require('../pipeline/load-pack') as typeof import('../pipeline/load-pack');
        const loaded = await loadPack(root, { ...options.load, itemCache });
        options.onCycle({ number, changed, diagnostics: loaded.diagnostics });
      }
    } catch (error) {
      options.onError?.(error as Error);
    }
  };

  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let watcher: FSWatcher;
  try {
    // Started before the first cycle, so that files saved while it runs are not missed.
    watcher = watch(root, { recursive: true });
  } catch (error) {
    options.onError?.(error as Error);
    return;
  }
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
  watcher.on('change', (_event, filename) => {
    const rel = filename === null ? '' : String(filename).split(path.sep).join('/');
    if (rel !== '' && ignored(rel)) return;
    if (rel !== '') pending.add(rel);
    schedule();
  });

  await new Promise<void>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      watcher.close();
      void (running ?? Promise.resolve()).then(() => resolve());
    };
    watcher.on('error', (error) => {
      options.onError?.(error);
      stop();
    });
    if (options.signal.aborted) return stop();
    options.signal.addEventListener('abort', stop, { once: true });
    running = runCycle([]).finally(() => {
      running = undefined;
      if (pending.size > 0 && !options.signal.aborted) schedule();
    });
  });
}
