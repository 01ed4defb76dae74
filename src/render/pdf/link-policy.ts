/**
 * Which hrefs become clickable in the PDF: the same rule as every other output (../ir/href.ts):
 * web and e-mail links, and links to a heading of this document. The IR parser already applies
 * it; the PDF backend applies it again because a PDF link to javascript: or file: would be a
 * hazard for the assessors who open the file. Anything else is drawn as plain text and reported.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { checkHref } from '../ir/href';
import type { PendingLinkTarget } from './flow-types';
import { linkRejected, linkTargetMissing } from './pdf-diagnostics';

export function isEmittableUri(uri: string): boolean {
  return checkHref(uri).kind === 'external';
}

export type LinkResolution = { target: PendingLinkTarget } | { problem: Diagnostic };

/** @param anchorById heading id → internal anchor (the first heading claiming an id keeps it) */
export function resolveHref(href: string, anchorById: ReadonlyMap<string, string>): LinkResolution {
  const check = checkHref(href);
  switch (check.kind) {
    case 'external':
      return { target: { kind: 'uri', uri: check.href } };
    case 'internal': {
      const anchor = anchorById.get(check.anchor);
      if (anchor === undefined) return { problem: linkTargetMissing(check.anchor) };
      return { target: { kind: 'anchor', anchor } };
    }
    case 'rejected':
      return { problem: linkRejected(href, check.reason) };
  }
}
