/**
 * What can stop a build from writing its output, in words a coordinator can act on. None of these is a
 * problem in the pack, so the CLI exits with 2 for all of them; and in every case the previous output is
 * still in place, because nothing replaces it until the new one is complete.
 */

/** The output folder must not be replaced: it holds files impact-pack did not write, or it overlaps the pack. */
export class OutputRefused extends Error {}

/** Another build holds the output folder's lock (and did not release it in the time allowed). */
export class OutputLocked extends OutputRefused {}

const REASONS: Record<string, (where: string) => string> = {
  ENOSPC: (where) => `the disk holding ${where} is full`,
  EDQUOT: (where) => `the disk quota for ${where} is used up`,
  EROFS: (where) => `${where} is on a read-only file system`,
  EACCES: (where) => `there is no permission to write in ${where}`,
  EPERM: (where) => `the system does not allow writing in ${where}`,
  ENOTDIR: (where) => `a file stands where a folder of ${where} should be`,
  EISDIR: (where) => `a folder stands where a file of ${where} should be`,
  ENAMETOOLONG: (where) => `a path in ${where} is too long for the file system`,
  EMFILE: () => 'too many files are open at once',
  ENFILE: () => 'the system has too many files open',
  EIO: (where) => `the disk holding ${where} reported an input/output error`,
};

/** One sentence for a failed write, naming the output folder (never the internal staging folder). */
export function describeWriteError(error: unknown, outDir: string): string {
  if (error instanceof OutputRefused) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code && REASONS[code] ? `${REASONS[code](outDir)} (${code})` : `${code ?? (error as Error | undefined)?.message ?? String(error)}`;
  return `Could not write ${outDir}: ${reason}. Nothing was written; the previous output, if any, is untouched.`;
}
