import { stat } from 'node:fs/promises';
import path from 'node:path';
import { startFileWatcher, WatcherUnavailable } from '../incremental/file-watcher';
import { BACKUP_FOLDER } from '../write/evidence-edit';
import type { DeskState } from './desk-state';

export interface ChangeWatch {
  /** How changes are seen: the native watcher, or polling the files' times when it cannot be loaded. */
  mode: 'watcher' | 'poll';
  close(): Promise<void>;
}

/** Changes are gathered for this long before the pack is reloaded: an editor's save is often several events. */
const SETTLE_MS = 150;
/** Without the native watcher, the item files' modification times are compared this often. */
export const POLL_MS = 1000;

/**
 * Tells the desk when a file of the pack changes on disk, through the watcher of `impact-pack watch`
 * (@parcel/watcher); where its native module cannot be loaded, by polling the modification times of the
 * config and the item files at a fixed interval. The desk's own caches, backups and lock are not watched.
 */
export async function watchForChanges(state: DeskState, onChange: () => void, start: typeof startFileWatcher = startFileWatcher): Promise<ChangeWatch> {
  const root = path.resolve(state.packDir);
  let timer: NodeJS.Timeout | undefined;
  const settle = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, SETTLE_MS);
  };
  const ignored = ['.impact-pack-cache', BACKUP_FOLDER, '.git', 'node_modules', 'out'].map((f) => path.join(root, f));
  try {
    const watcher = await start(root, {
      ignore: ignored,
      onChange: (file) => {
        const base = path.basename(file);
        // The edit lock and the temporary files of an atomic write come and go with every action of the desk.
        if (base === '.impact-pack.lock' || /^\..*\.tmp-[0-9a-f]+$/.test(base)) return;
        settle();
      },
      onError: () => undefined,
    });
    return {
      mode: 'watcher',
      close: async () => {
        if (timer) clearTimeout(timer);
        await watcher.close();
      },
    };
  } catch (error) {
    if (!(error instanceof WatcherUnavailable)) throw error;
  }
  let last = await signature(state);
  let stopped = false;
  const poll = setInterval(() => {
    void signature(state).then((now) => {
      if (!stopped && now !== last) {
        last = now;
        onChange();
      }
    });
  }, POLL_MS);
  return {
    mode: 'poll',
    close: async () => {
      stopped = true;
      clearInterval(poll);
      if (timer) clearTimeout(timer);
    },
  };
}

async function signature(state: DeskState): Promise<string> {
  const pack = state.snapshot.pack;
  const files = ['impact-pack.yaml', ...(pack?.items.map((p) => p.file) ?? [])];
  const parts = await Promise.all(files.map((f) => stat(path.join(state.packDir, f)).then((s) => `${f}:${s.mtimeMs}:${s.size}`, () => `${f}:-`)));
  return parts.join('\n');
}
