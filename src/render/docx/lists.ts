import { AlignmentType, type INumberingOptions, LevelFormat, Paragraph } from 'docx';
import type { ListBlock } from '../ir/types';
import type { DocxContext } from './context';
import { convertInlines } from './inlines';

const BULLETS = 'bullets';
const NUMBERS = 'numbers';

/** Hanging indent of list items, in twips: the marker hangs in the first 360. */
const indent = { left: 720, hanging: 360 };

/** The two list definitions every document carries; IR lists have one level. */
export const LIST_NUMBERING: INumberingOptions = {
  config: [
    {
      reference: BULLETS,
      levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.LEFT, style: { paragraph: { indent } } }],
    },
    {
      reference: NUMBERS,
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent } } }],
    },
  ],
};

/**
 * One paragraph per item. Each ordered list is a numbering instance of its own, so it counts from 1 again.
 * A list straight after a table gets space above its first item, as Word leaves none below tables.
 */
export function convertList(list: ListBlock, context: DocxContext, afterTable = false): Paragraph[] {
  const instance = list.ordered ? ++context.orderedLists : 0;
  const numbering = { reference: list.ordered ? NUMBERS : BULLETS, level: 0, instance };
  return list.items.map(
    (item, index) =>
      new Paragraph({ numbering, spacing: { before: afterTable && index === 0 ? 160 : undefined, after: 60 }, children: convertInlines(item, context) }),
  );
}
