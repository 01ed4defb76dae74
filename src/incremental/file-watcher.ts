/**
 * The file-system watcher behind `impact-pack watch`: @parcel/watcher (the watcher of Parcel and VS Code),
 * which watches whole folder trees natively (inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on
 * Windows) and reports changes by path. Saves that replace the file rather than write into it (an editor
 * writing a temporary file and renaming it over the original, `sed -i`) are seen every time: the watch is
 * on the folders, not on the inode of a file that the rename replaces. Node's own recursive fs.watch lost
 * a file after such a save (issue 14); chokidar 4 missed every other save when a rename-over and a `sed -i`
 * followed each other quickly (measured; see docs and the report of issue 14).
 */
export interface FileWatcher {
  close(): Promise<void>;
}

export interface FileWatcherOptions {
  /** Absolute paths of folders whose contents are not watched at all (the output, node_modules, .git). */
  ignore: string[];
  /** Called with the absolute path of each file or folder created, changed or deleted. */
  onChange(absolutePath: string): void;
  /** The watcher failed after it started (the folder was removed, the OS ran out of watches). */
  onError(error: Error): void;
}

export class WatcherUnavailable extends Error {}

type ParcelWatcher = typeof import('@parcel/watcher');

/** Loaded on demand: it is a native module, and only `watch` needs it. */
function loadParcelWatcher(): ParcelWatcher {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('@parcel/watcher') as ParcelWatcher;
  } catch (error) {
    throw new WatcherUnavailable(
      `watch needs the file watcher @parcel/watcher, whose prebuilt module for ${process.platform}-${process.arch} could not be loaded ` +
        `(${(error as Error).message.split('\n')[0]}). Reinstall impact-pack with npm on this machine; validate and build work without it.`,
    );
  }
}

export async function startFileWatcher(root: string, options: FileWatcherOptions): Promise<FileWatcher> {
  const watcher = loadParcelWatcher();
  const subscription = await watcher.subscribe(
    root,
    (error, events) => {
      if (error) {
        options.onError(error);
        return;
      }
      for (const event of events) options.onChange(event.path);
    },
    { ignore: options.ignore },
  );
  return { close: () => subscription.unsubscribe() };
}
