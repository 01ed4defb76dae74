import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalogue } from '../criteria/load';
import { itemSchemaForEdition } from '../schemas/item-edition';
import { loadItemFile } from './item-file';
import { transferable, type TransferredResult } from './item-workers';

/** The worker thread of item-workers.ts: loads its share of the item files and sends the results back in order. */
const { root, files, edition, batch } = workerData as { root: string; files: string[]; edition: string; batch: number };
const catalogue = loadCatalogue(edition).value;
if (!catalogue) throw new Error(`the ${edition} catalogue did not load in the item worker`);
const itemSchema = itemSchemaForEdition(catalogue);
let pending: TransferredResult[] = [];
for (const file of files) {
  pending.push(transferable(loadItemFile(root, file, itemSchema)));
  if (pending.length >= batch) {
    parentPort?.postMessage({ batch: pending });
    pending = [];
  }
}
parentPort?.postMessage({ batch: pending, done: true });
