import { run } from '../../src/cli/run';
import { FIXED } from './temp-pack';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, a fixed clock and an empty environment unless given. */
export async function runCli(argv: string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run({
    argv,
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? FIXED.env,
    now: FIXED.now,
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => (stderr += t), isTTY: options.tty ?? false },
  });
  return { code, stdout, stderr };
}
