/**
 * File systems for fault tests, wrapping the real one used by the output writer:
 * - `crashAfter(n)`: the process "dies" after n operations: every later operation, including the
 *   writer's own clean-up, fails without touching the disk, exactly as if SIGKILL had landed there;
 * - `failWhen(test, code)`: one kind of operation fails with an errno code (a full disk on the third
 *   file, a read-only folder), while clean-up still works, as it does on a real full disk.
 */
import { nodeOutputFileSystem, type OutputFileSystem } from '../../src/write/output-fs';

export type Operation = { name: keyof OutputFileSystem; path: string };

export class SimulatedCrash extends Error {
  constructor() {
    super('simulated crash');
  }
}

function wrap(before: (op: Operation) => void): OutputFileSystem & { log: Operation[] } {
  const log: Operation[] = [];
  const fs = { log } as OutputFileSystem & { log: Operation[] };
  for (const name of Object.keys(nodeOutputFileSystem) as Array<keyof OutputFileSystem>) {
    const real = nodeOutputFileSystem[name] as (...args: unknown[]) => Promise<unknown>;
    (fs as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      const op = { name, path: String(args[0]) };
      before(op);
      log.push(op);
      return real(...args);
    };
  }
  return fs;
}

export function crashAfter(n: number): OutputFileSystem & { log: Operation[]; crashed: () => boolean } {
  let count = 0;
  let crashed = false;
  const fs = wrap(() => {
    if (count >= n) {
      crashed = true;
      throw new SimulatedCrash();
    }
    count++;
  });
  return Object.assign(fs, { crashed: () => crashed });
}

export function failWhen(test: (op: Operation, index: number) => boolean, code: string): OutputFileSystem & { log: Operation[] } {
  let index = 0;
  return wrap((op) => {
    if (test(op, index++)) throw Object.assign(new Error(`${code}: simulated failure, ${op.name} '${op.path}'`), { code, path: op.path });
  });
}
