import { createHash } from 'node:crypto';
import type { Check } from './check';
import { stringsIn } from './check';

/**
 * The line `impact-pack init` writes into each example item, with a digest of the rest of the file. While
 * the rest is exactly as init wrote it, the item is flagged as an example; the first edit changes the
 * digest, and the flag goes without anyone having to remember to delete the line.
 */
const MARKER = /^# impact-pack example ([0-9a-f]{16}):[^\n]*\n?/m;

/**
 * Text that init's examples hold and no real evidence would: the instruction that opens each example's
 * narrative and the "Example:" title prefix. Left in an item that was otherwise edited, it is reported as
 * INIT_EXAMPLE_TEXT. (The example.edu address is not among them: packs and tests use it for real examples.)
 */
export const EXAMPLE_TEXT = {
  narrative: 'Describe for a THE assessor what exists',
  titlePrefix: 'Example: ',
  url: 'https://www.example.edu/',
} as const;

/** Line endings normalised, so that a checkout that turns LF into CRLF (Git on Windows) is not an edit. */
function digestOf(textWithoutMarker: string): string {
  return createHash('sha256').update(textWithoutMarker.replace(/\r\n/g, '\n')).digest('hex').slice(0, 16);
}

/** Adds the example marker as the line after the first (the editor's schema line), for `init`. */
export function markAsExample(text: string): string {
  const firstLineEnd = text.indexOf('\n') + 1;
  const digest = digestOf(text);
  return `${text.slice(0, firstLineEnd)}# impact-pack example ${digest}: written by impact-pack init, reported as an example until you edit this file.\n${text.slice(firstLineEnd)}`;
}

/** Whether the text carries init's marker and is otherwise unchanged since init wrote it. */
export function isUneditedExample(text: string): boolean {
  const marker = MARKER.exec(text);
  if (!marker) return false;
  return digestOf(text.slice(0, marker.index) + text.slice(marker.index + marker[0].length)) === marker[1];
}

export const initExample: Check = {
  name: 'init-example',
  description: 'The example items that `impact-pack init` writes are reported until they are edited.',
  codes: ['INIT_EXAMPLE_UNEDITED', 'INIT_EXAMPLE_TEXT'],
  run(ctx) {
    for (const p of ctx.items) {
      if (!isUneditedExample(p.source.text)) {
        for (const { path, text } of stringsIn(p.item)) {
          const left =
            text.includes(EXAMPLE_TEXT.narrative) ? 'instructions' : text.startsWith(EXAMPLE_TEXT.titlePrefix) && path[0] === 'title' ? 'title' : undefined;
          if (left) ctx.report('INIT_EXAMPLE_TEXT', `${path.join('.')} still holds the example ${left} that impact-pack init wrote.`, { item: p, path });
        }
        continue;
      }
      const id = typeof p.item.id === 'string' ? p.item.id : p.file;
      ctx.report('INIT_EXAMPLE_UNEDITED', `${id} is an example item written by impact-pack init, not evidence of yours: edit it to describe your own evidence, or delete ${p.file}.`, {
        item: p,
        path: ['id'],
      });
    }
  },
};
