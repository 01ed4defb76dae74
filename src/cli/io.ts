/** What the CLI gets from its host: injected so that tests run commands in-process. */
export interface CliIo {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** The clock, for commands that default to today; tests pass a fixed date. */
  now?: Date;
}

/** Exit codes: 0 clean, 1 problems in the pack, 2 usage or internal failure. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export class UsageError extends Error {}

export function useColour(io: CliIo, stream: CliIo['stdout']): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

export function version(): string {
  // eslint-style: the package.json beside src/ and dist/ is the single source of the version.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}
