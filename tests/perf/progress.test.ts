import { createProgress, isCi, progressLine } from '../../src/cli/progress';

function terminal(isTTY: boolean) {
  let text = '';
  return { stream: { write: (t: string) => (text += t), isTTY }, text: () => text };
}

describe('progress bar', () => {
  it('draws a line for long runs on a terminal and clears it at the end', () => {
    const err = terminal(true);
    let now = 0;
    const progress = createProgress({ stderr: err.stream, env: {} }, { clock: () => now });
    progress.update({ phase: 'items', done: 1, total: 10 });
    expect(err.text()).toBe('');
    now = 1000;
    progress.update({ phase: 'items', done: 5, total: 10 });
    expect(err.text()).toContain('Parsing items [============>           ] 5/10 (50%)');
    // Redraws are throttled, but the last one of a phase is always drawn.
    progress.update({ phase: 'items', done: 6, total: 10 });
    expect(err.text()).not.toContain('6/10');
    progress.update({ phase: 'files', done: 10, total: 10 });
    expect(err.text()).toContain('Hashing supporting files [========================] 10/10 (100%)');
    progress.finish();
    expect(err.text().endsWith('\r\x1b[K')).toBe(true);
  });

  it('stays silent when stderr is not a terminal, in CI, or when asked to be quiet', () => {
    for (const [io, quiet] of [
      [{ stderr: terminal(false).stream, env: {} }, false],
      [{ stderr: terminal(true).stream, env: { CI: 'true' } }, false],
      [{ stderr: terminal(true).stream, env: {} }, true],
    ] as const) {
      let written = '';
      const stream = { write: (t: string) => (written += t), isTTY: io.stderr.isTTY };
      const progress = createProgress({ stderr: stream, env: io.env }, { quiet, clock: () => 10_000 });
      progress.update({ phase: 'documents', done: 17, total: 17 });
      progress.finish();
      expect(written).toBe('');
    }
  });

  it('reads CI the way CI services set it', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({ CI: '' })).toBe(false);
    expect(isCi({})).toBe(false);
  });

  it('never overflows its bar', () => {
    expect(progressLine({ phase: 'documents', done: 20, total: 17 })).toContain('(100%)');
    expect(progressLine({ phase: 'documents', done: 0, total: 0 })).toContain('0/0 (100%)');
  });
});
