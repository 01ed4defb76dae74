/**
 * Which hrefs become clickable in the PDF. External links must be http, https or mailto (the IR
 * parser already enforces this; the PDF backend checks again because a PDF link to javascript:
 * or file: would be a hazard for the assessors who open it). Internal links must name a heading.
 * Anything else is drawn as plain text and reported.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { PendingLinkTarget } from './flow-types';

const EMITTABLE_URI = /^(?:https?:\/\/|mailto:)/i;

export function isEmittableUri(uri: string): boolean {
  return EMITTABLE_URI.test(uri);
}

export type LinkResolution =
  | { target: PendingLinkTarget }
  | { problem: 'LINK_TARGET_UNKNOWN' | 'LINK_SCHEME_UNSUPPORTED' };

/** @param anchorById heading id → internal anchor, first heading wins for duplicated ids */
export function resolveHref(href: string, anchorById: ReadonlyMap<string, string>): LinkResolution {
  if (href.startsWith('#')) {
    const anchor = anchorById.get(href.slice(1));
    return anchor !== undefined ? { target: { kind: 'anchor', anchor } } : { problem: 'LINK_TARGET_UNKNOWN' };
  }
  if (isEmittableUri(href)) return { target: { kind: 'uri', uri: href } };
  return { problem: 'LINK_SCHEME_UNSUPPORTED' };
}

export function linkDiagnostic(problem: 'LINK_TARGET_UNKNOWN' | 'LINK_SCHEME_UNSUPPORTED', href: string): Diagnostic {
  const unknownTarget = problem === 'LINK_TARGET_UNKNOWN';
  return {
    code: problem,
    severity: 'warning',
    message: unknownTarget
      ? `The link "${href}" points to no heading of this document; the PDF shows its text without a link.`
      : `The link "${href}" is not an http, https or mailto address; the PDF shows its text without a link.`,
    hint: unknownTarget
      ? 'Give the target heading this id in the template, or correct the href.'
      : 'Link to a public web page (https://…) or an e-mail address (mailto:…).',
    file: '',
    line: 0,
    column: 0,
    source: 'render',
  };
}
