import { StagedOutput, assertInsideOutput, type WriteOutputOptions } from './staged-output';

export { OUTPUT_MARKER } from './output-recovery';
export { OutputLocked, OutputRefused } from './output-errors';
export { DEFAULT_LOCK_WAIT_MS, StagedOutput, type WriteOutputOptions } from './staged-output';

/**
 * Writes a complete output folder from files already in memory, or nothing: every name is checked first,
 * then the files go through a StagedOutput (lock, staging folder, each file flushed, marker last, swap).
 * A build that fails (full disk, read-only folder) or is killed leaves the previous output whole.
 */
export async function writeOutputAtomically(outDir: string, files: Map<string, Uint8Array | string>, options: WriteOutputOptions = {}): Promise<string[]> {
  for (const name of files.keys()) assertInsideOutput(name);
  const output = await StagedOutput.open(outDir, options);
  try {
    for (const name of [...files.keys()].sort()) await output.add(name, files.get(name)!);
    return await output.commit();
  } catch (error) {
    await output.abandon();
    throw error;
  }
}
