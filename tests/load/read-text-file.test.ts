import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readTextFileSync } from '../../src/load/read-text-file';
import { tempDir } from '../helpers/temp-pack';

/** The file-system calls the reader may make, counted by name. */
const SYNC_CALLS = ['lstatSync', 'statSync', 'openSync', 'fstatSync', 'readSync', 'closeSync', 'readFileSync', 'readlinkSync'] as const;

describe('readTextFileSync', () => {
  let pack: { root: string; cleanup: () => void };
  beforeEach(() => {
    pack = tempDir({ 'items/a.yaml': 'id: a\nsdg: 7\n', 'items/inside.yaml': 'id: inside\n', 'outside/secret.yaml': 'secret: 1\n' });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    pack.cleanup();
  });

  /** Makes lstat report a regular file for `file`, as if it was replaced right after the check. */
  const replacedAfterLstat = (file: string) => {
    const regular = fs.lstatSync(path.join(pack.root, 'items/inside.yaml'));
    const real = fs.lstatSync;
    jest.spyOn(fs, 'lstatSync').mockImplementation(((p: fs.PathLike, o?: fs.StatSyncOptions) =>
      String(p) === path.join(pack.root, file) ? regular : real(p, o)) as typeof fs.lstatSync);
  };

  it('reads a regular file with five calls: lstat, open, fstat, one read and close', () => {
    const spies = SYNC_CALLS.map((name) => [name, jest.spyOn(fs, name)] as const);
    const realpath = jest.spyOn(fs.realpathSync, 'native');
    expect(readTextFileSync(pack.root, 'items/a.yaml')).toEqual({ text: 'id: a\nsdg: 7\n' });
    const counts = Object.fromEntries(spies.map(([name, spy]) => [name, spy.mock.calls.length]));
    expect(counts).toEqual({ lstatSync: 1, statSync: 0, openSync: 1, fstatSync: 1, readSync: 1, closeSync: 1, readFileSync: 0, readlinkSync: 0 });
    expect(realpath).not.toHaveBeenCalled();
  });

  it('refuses a file that became a link out of the pack after it was checked, without following it', () => {
    fs.rmSync(path.join(pack.root, 'items/a.yaml'));
    fs.symlinkSync(path.join(pack.root, 'outside/secret.yaml'), path.join(pack.root, 'items/a.yaml'));
    replacedAfterLstat('items/a.yaml');
    const read = readTextFileSync(pack.root, 'items/a.yaml');
    expect(read.text).toBeUndefined();
    expect(read.diagnostic).toMatchObject({ code: 'FILE_UNREADABLE', file: 'items/a.yaml' });
    expect(read.diagnostic?.message).toBe('items/a.yaml became a symbolic link while it was being read; it was not followed.');
  });

  it('refuses a named pipe that replaced the file after it was checked, at once and unread', () => {
    fs.rmSync(path.join(pack.root, 'items/a.yaml'));
    execFileSync('mkfifo', [path.join(pack.root, 'items/a.yaml')]);
    replacedAfterLstat('items/a.yaml');
    const read = jest.spyOn(fs, 'readSync');
    const result = readTextFileSync(pack.root, 'items/a.yaml');
    expect(result.diagnostic?.message).toBe('items/a.yaml stopped being a regular file while it was being read; it was not read.');
    expect(read).not.toHaveBeenCalled();
  });

  it('still never opens a named pipe it finds as one', () => {
    execFileSync('mkfifo', [path.join(pack.root, 'items/pipe.yaml')]);
    const open = jest.spyOn(fs, 'openSync');
    expect(readTextFileSync(pack.root, 'items/pipe.yaml').diagnostic?.code).toBe('FILE_UNREADABLE');
    expect(open).not.toHaveBeenCalled();
  });

  it('reads a file that grew after its size was taken to the end, and refuses it once it passes the limit', () => {
    const text = `id: a\nnarrative: ${'x'.repeat(200)}\n`;
    fs.writeFileSync(path.join(pack.root, 'items/a.yaml'), text);
    // What lstat and fstat would have said before the file grew.
    const small = Object.assign(fs.statSync(path.join(pack.root, 'items/a.yaml')), { size: 10 });
    jest.spyOn(fs, 'fstatSync').mockReturnValue(small);
    expect(readTextFileSync(pack.root, 'items/a.yaml')).toEqual({ text });
    jest.spyOn(fs, 'lstatSync').mockReturnValue(small);
    const limited = readTextFileSync(pack.root, 'items/a.yaml', { maxBytes: 100 });
    expect(limited.diagnostic).toMatchObject({ code: 'YAML_FILE_TOO_LARGE' });
    expect(limited.diagnostic?.message).toContain('is more than 101 bytes');
  });

  it('reads through a link to a file inside the pack', () => {
    fs.symlinkSync('inside.yaml', path.join(pack.root, 'items/link.yaml'));
    expect(readTextFileSync(pack.root, 'items/link.yaml')).toEqual({ text: 'id: inside\n' });
  });
});
