import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/temp-pack';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main, CLIENTS } = require('../../scripts/test-clients.js') as {
  CLIENTS: { program: string; pkg: string }[];
  main(o: { env: Record<string, string>; log: (l: string) => void; isRoot: boolean; run: (args: string[]) => number; clients?: { program: string; pkg: string }[] }): number;
};

/** A PATH folder holding stand-ins for the named programs. */
function fakeBin(root: string, programs: string[]): void {
  for (const p of programs) {
    writeFileSync(path.join(root, p), '#!/bin/sh\nexit 0\n');
    chmodSync(path.join(root, p), 0o755);
  }
}

describe('scripts/test-clients.js, run by npm test before the suites', () => {
  let bin: { root: string; cleanup: () => void };
  let clients: { program: string; pkg: string }[];
  beforeEach(() => {
    bin = tempDir();
    // The same programs, with the two absolute paths (chromium, GNU time) moved into the stand-in folder.
    clients = CLIENTS.map((c) => (c.program.startsWith('/') ? { ...c, program: path.join(bin.root, path.basename(c.program)) } : c));
  });
  afterEach(() => bin.cleanup());

  const call = (opts: { programs: string[]; isRoot: boolean; env?: Record<string, string>; install?: (args: string[]) => number }) => {
    fakeBin(bin.root, opts.programs);
    const lines: string[] = [];
    const calls: string[][] = [];
    const status = main({
      env: { PATH: bin.root, ...opts.env },
      log: (l) => lines.push(l),
      isRoot: opts.isRoot,
      run: (args) => {
        calls.push(args);
        return opts.install ? opts.install(args) : 0;
      },
      clients,
    });
    return { status, lines, calls };
  };
  const all = () => clients.map((c) => path.basename(c.program));

  it('passes silently when every program is there', () => {
    expect(call({ programs: all(), isRoot: false })).toEqual({ status: 0, lines: [], calls: [] });
  });

  it('stops at once with one line naming the packages to install when it cannot install them', () => {
    const r = call({ programs: all().filter((p) => !p.startsWith('pdf') && p !== 'chromium'), isRoot: false });
    expect(r.status).toBe(1);
    expect(r.calls).toEqual([]);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toContain('install poppler-utils chromium (Debian: apt-get install -y --no-install-recommends poppler-utils chromium)');
    expect(r.lines[0]).toContain('IMPACT_PACK_SKIP_REAL_CLIENTS=1');
  });

  it('installs what is missing with apt-get when it runs as root', () => {
    const r = call({
      programs: ['apt-get', ...all().filter((p) => p !== 'qpdf' && p !== 'soffice')],
      isRoot: true,
      install: (args) => {
        if (args[0] === 'install') fakeBin(bin.root, ['qpdf', 'soffice']);
        return 0;
      },
    });
    expect(r.calls).toEqual([['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', 'qpdf', 'libreoffice-writer-nogui']]);
    expect(r.status).toBe(0);
    expect(r.lines).toEqual(['npm test: installing the programs the tests check the output with: qpdf libreoffice-writer-nogui (apt-get, as root)']);
  });

  it('stops with the same line when the installation fails, and does not install after a failed update', () => {
    const r = call({ programs: ['apt-get'], isRoot: true, install: () => 100 });
    expect(r.calls).toEqual([['update', '-qq']]);
    expect(r.status).toBe(1);
    expect(r.lines[1]).toMatch(/^npm test: missing programs the tests need: install poppler-utils qpdf libreoffice-writer-nogui libreoffice-calc-nogui chromium time /);
  });

  it('skips the check, loudly, when IMPACT_PACK_SKIP_REAL_CLIENTS=1', () => {
    const r = call({ programs: [], isRoot: true, env: { IMPACT_PACK_SKIP_REAL_CLIENTS: '1' } });
    expect(r.status).toBe(0);
    expect(r.calls).toEqual([]);
    expect(r.lines).toEqual([expect.stringContaining('SKIPPING every suite that checks the output with real clients')]);
  });
});
