/** On a platform without @parcel/watcher's prebuilt module, watch says so (exit 2 in the command); nothing crashes. */
describe('startFileWatcher without its native module', () => {
  it('rejects with WatcherUnavailable naming the platform', async () => {
    let loaded: typeof import('../../src/incremental/file-watcher') | undefined;
    jest.isolateModules(() => {
      jest.doMock('@parcel/watcher', () => {
        throw new Error('No prebuild or local build of @parcel/watcher found. Tried @parcel/watcher-test-platform.');
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loaded = require('../../src/incremental/file-watcher') as typeof import('../../src/incremental/file-watcher');
    });
    const { startFileWatcher, WatcherUnavailable } = loaded!;
    const started = startFileWatcher(__dirname, { ignore: [], onChange: () => undefined, onError: () => undefined });
    await expect(started).rejects.toBeInstanceOf(WatcherUnavailable);
    await expect(started).rejects.toThrow(`prebuilt module for ${process.platform}-${process.arch} could not be loaded (No prebuild or local build`);
  });
});
