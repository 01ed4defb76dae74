import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { LineCounter } from 'yaml';
import { ITEMS_BETWEEN_YIELDS, loadItemFile, type ItemFileResult } from './item-file';

/**
 * Below this many items one thread is faster. Starting a worker (loading YAML, the schema and the catalogue
 * again) costs about 0.2 s, and this thread must copy in every result the worker sends (text, data, outline),
 * which costs almost as much as parsing them. Measured on 2 cores: one thread wins at 2,000 and 4,000 items
 * (2.1 s against 2.4 s, 2.9 s against 3.1 s), they tie at 7,000, two threads win at 10,000 (5.4 s against 6.2-7.6 s).
 */
export const PARALLEL_FROM_ITEMS = 8000;

/**
 * The item count from which the worker starts: PARALLEL_FROM_ITEMS, or a whole number of 1 or more in
 * IMPACT_PACK_PARALLEL_FROM_ITEMS (for a machine measured to differ, and for tests, which need no
 * 8,000-item pack to exercise the worker). Anything else in the variable is ignored.
 */
export function parallelFromItems(env: Record<string, string | undefined>): number {
  const value = env.IMPACT_PACK_PARALLEL_FROM_ITEMS?.trim();
  return value && /^[1-9]\d*$/.test(value) ? Number(value) : PARALLEL_FROM_ITEMS;
}
/** Results a worker sends at a time, so that the progress bar moves while it works. */
const WORKER_BATCH = 256;

/** A result as it crosses from the worker: yaml's LineCounter holds functions, so only its line starts travel. */
export interface TransferredResult extends Omit<ItemFileResult, 'parsed'> {
  parsed?: Omit<NonNullable<ItemFileResult['parsed']>, 'source'> & {
    source: Omit<NonNullable<ItemFileResult['parsed']>['source'], 'lineCounter'> & { lineStarts: number[] };
  };
}

/**
 * Reads, parses and schema-checks every item file, in file order. On a pack of parallelFromItems(env) items
 * or more, with a second core, a worker thread takes the second half of the files while this thread does the
 * first: item files are independent, so the results, and their order, are the same as with one thread
 * (IMPACT_PACK_ITEM_WORKERS=0 turns the worker off). A worker that fails leaves its share to this thread.
 */
export async function loadItemFiles(
  root: string,
  files: readonly string[],
  edition: string,
  itemSchema: Record<string, unknown>,
  env: Record<string, string | undefined>,
  onProgress?: (done: number, total: number) => void,
): Promise<ItemFileResult[]> {
  const results: (ItemFileResult | undefined)[] = new Array(files.length);
  let done = 0;
  const advance = (count: number) => {
    done += count;
    onProgress?.(done, files.length);
  };
  const workerFile = path.join(__dirname, 'item-worker.js');
  const parallel =
    files.length >= parallelFromItems(env) &&
    env.IMPACT_PACK_ITEM_WORKERS !== '0' &&
    os.availableParallelism() > 1 &&
    // Under ts-jest this module is TypeScript, and a worker can only run the compiled JavaScript.
    __filename.endsWith('.js') &&
    existsSync(workerFile);
  const split = parallel ? Math.ceil(files.length / 2) : files.length;
  const fromWorker = parallel
    ? inWorker(workerFile, { root, files: files.slice(split), edition }, (batch, offset) => {
        batch.forEach((r, i) => (results[split + offset + i] = received(r)));
        advance(batch.length);
      }).then(
        () => true,
        () => false,
      )
    : Promise.resolve(true);

  for (let i = 0; i < split; i++) {
    // Letting the event loop in now and then keeps signals, watch events and the worker's messages from waiting.
    if (i % ITEMS_BETWEEN_YIELDS === 0) await yieldToEventLoop();
    results[i] = loadItemFile(root, files[i], itemSchema);
    advance(1);
  }
  if (!(await fromWorker)) {
    for (let i = split; i < files.length; i++) {
      if (results[i] !== undefined) continue;
      results[i] = loadItemFile(root, files[i], itemSchema);
      advance(1);
    }
  }
  return results as ItemFileResult[];
}

export function transferable(result: ItemFileResult): TransferredResult {
  if (!result.parsed) return result as TransferredResult;
  const { lineCounter, ...source } = result.parsed.source;
  return { ...result, parsed: { ...result.parsed, source: { ...source, lineStarts: lineCounter.lineStarts } } };
}

function received(result: TransferredResult): ItemFileResult {
  if (!result.parsed) return result as ItemFileResult;
  const { lineStarts, ...source } = result.parsed.source;
  const lineCounter = new LineCounter();
  for (const start of lineStarts) lineCounter.addNewLine(start);
  return { ...result, parsed: { ...result.parsed, source: { ...source, lineCounter } } };
}

function inWorker(
  file: string,
  data: { root: string; files: readonly string[]; edition: string },
  onBatch: (batch: TransferredResult[], offset: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: { ...data, batch: WORKER_BATCH } });
    let offset = 0;
    let finished = false;
    worker.on('message', (message: { batch?: TransferredResult[]; done?: boolean }) => {
      if (message.batch) {
        onBatch(message.batch, offset);
        offset += message.batch.length;
      }
      if (message.done) {
        finished = true;
        resolve();
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (!finished) reject(new Error(`the item worker stopped (exit code ${code}) before sending every result`));
    });
  });
}
