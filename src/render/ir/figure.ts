/**
 * <figure src="logo" alt="…" height="22mm"/>: an image the build loaded, on a line of its own.
 * Templates cannot reach the file system; src names one of the images handed to the parser (the
 * pack's logo), so a template can only show what the pack config declared.
 */
import type { Figure, ImageAsset } from './types';
import type { MarkupElement } from './markup-tree';
import { markupError, type MarkupProblem } from './markup-problem';

/** Points per unit a template may write a figure size in. */
const POINTS_PER_UNIT: Readonly<Record<string, number>> = { mm: 72 / 25.4, cm: 72 / 2.54, in: 72, pt: 1 };

const LENGTH = /^\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)\s*$/;

/** The figure, or undefined (with a problem) when src names no image or a size cannot be read. */
export function figure(element: MarkupElement, images: ReadonlyMap<string, ImageAsset>, problems: MarkupProblem[]): Figure | undefined {
  const src = element.attributes.get('src');
  const alt = element.attributes.get('alt');
  // The tree builder has reported missing required attributes already.
  if (src === undefined || alt === undefined) return undefined;
  const image = images.get(src.value);
  if (image === undefined) {
    const known = [...images.keys()].sort();
    problems.push(
      markupError(
        `<figure src="${src.value}"> names no image of this build`,
        src.valueStart,
        src.valueEnd,
        known.length > 0
          ? `Images available: ${known.join(', ')}. Guard the figure with {{#if ...}} so that a pack without the image still builds.`
          : 'This build has no images: set institution.logo in impact-pack.yaml, and guard the figure with {{#if institution.logo}}.',
      ),
    );
    return undefined;
  }
  const maxWidth = length(element, 'width', problems);
  const maxHeight = length(element, 'height', problems);
  return {
    type: 'figure',
    image,
    alt: alt.value.replace(/\s+/g, ' ').trim(),
    ...(maxWidth === undefined ? {} : { maxWidth }),
    ...(maxHeight === undefined ? {} : { maxHeight }),
  };
}

/** A width or height written with its unit ("22mm", "1.5in"), in points. */
function length(element: MarkupElement, name: 'width' | 'height', problems: MarkupProblem[]): number | undefined {
  const attribute = element.attributes.get(name);
  if (attribute === undefined) return undefined;
  const match = LENGTH.exec(attribute.value);
  const points = match ? Number(match[1]) * POINTS_PER_UNIT[match[2]] : Number.NaN;
  if (!(points > 0)) {
    problems.push(
      markupError(
        `${name}="${attribute.value}" is not a length`,
        attribute.valueStart,
        attribute.valueEnd,
        'Write a positive number with its unit: mm, cm, in or pt, e.g. height="22mm".',
      ),
    );
    return undefined;
  }
  return Math.round(points * 1000) / 1000;
}
