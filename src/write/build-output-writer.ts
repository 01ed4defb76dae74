import { StagedOutput, type WriteOutputOptions } from './staged-output';

/**
 * The output of one build, written while the build renders: each document goes to the staging folder as
 * soon as it is finished, so no finished document stays in memory (at 10,000 items, holding them all until
 * the end was a large share of the peak). A failure to write (full disk, a folder impact-pack did not write,
 * the lock held elsewhere) is kept, the staging folder dropped, and later files discarded: the build still
 * renders to the end and reports every problem in the pack, exactly as when it wrote everything at the end,
 * and `finish` throws the kept error.
 */
export class BuildOutputWriter {
  private failure: { error: unknown } | undefined;

  private constructor(private output: StagedOutput | undefined) {}

  static async open(outDir: string, options?: WriteOutputOptions): Promise<BuildOutputWriter> {
    try {
      return new BuildOutputWriter(await StagedOutput.open(outDir, options));
    } catch (error) {
      const writer = new BuildOutputWriter(undefined);
      writer.failure = { error };
      return writer;
    }
  }

  /** Whether a file could not be written (or the output not opened): nothing more will be. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Writes one file into the staging folder; after a failure, does nothing. */
  async put(name: string, data: Uint8Array | string): Promise<void> {
    if (!this.output) return;
    try {
      await this.output.add(name, data);
    } catch (error) {
      this.failure = { error };
      await this.abandon();
    }
  }

  /** Swaps the new output in and returns the names written, sorted; throws the first failure, if any. */
  async finish(): Promise<string[]> {
    if (this.failure) throw this.failure.error;
    const output = this.output!;
    this.output = undefined;
    return output.commit();
  }

  /** Leaves the previous output as it was (a document failed to render, or the build threw). Safe to call twice. */
  async abandon(): Promise<void> {
    const output = this.output;
    this.output = undefined;
    await output?.abandon();
  }
}
