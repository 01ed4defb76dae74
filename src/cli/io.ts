/** What the CLI gets from its host: injected so that tests run commands in-process. */
export interface CliIo {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** The clock, for commands that default to today; tests pass a fixed date. */
  now?: Date;
  /** Set by --color / --no-color on the command line; wins over the environment. */
  colour?: boolean;
}

/** Exit codes: 0 clean, 1 problems in the pack, 2 usage or internal failure. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export class UsageError extends Error {}

/**
 * Whether to colour what goes to this stream, decided as Node and the tools built on supports-color decide:
 * --color / --no-color first; then FORCE_COLOR (0 or false turns colour off, 1, 2, 3, true or empty turns it
 * on, even into a pipe); then NO_COLOR (any non-empty value turns it off, https://no-color.org); then
 * TERM=dumb (a terminal that cannot show escapes); otherwise colour only on a terminal.
 */
export function useColour(io: CliIo, stream: CliIo['stdout']): boolean {
  if (io.colour !== undefined) return io.colour;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force.toLowerCase() === 'false') return false;
    if (force === '' || force === '1' || force === '2' || force === '3' || force.toLowerCase() === 'true') return true;
  }
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export function version(): string {
  // eslint-style: the package.json beside src/ and dist/ is the single source of the version.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}
