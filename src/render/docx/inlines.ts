import { ExternalHyperlink, InternalHyperlink, type ParagraphChild, TextRun } from 'docx';
import { checkHref } from '../ir/href';
import type { Inline, LinkRun, TextRun as IrTextRun } from '../ir/types';
import { missingAnchor, rejectedLink } from '../shared/writer-diagnostics';
import { DOCX_FORMAT, type DocxContext } from './context';
import { CODE_FONT } from './fonts';
import { STYLE } from './styles';
import { documentText } from './xml-text';

/** Formatting forced on every run of a stretch of text, e.g. bold for table header cells. */
export interface ForcedLook {
  bold?: boolean;
}

function textRun(run: IrTextRun, look: ForcedLook, inLink: boolean): TextRun {
  return new TextRun({
    text: documentText(run.text),
    bold: run.bold || look.bold ? true : undefined,
    italics: run.italic ? true : undefined,
    // A run has one character style; inside a link that is Hyperlink, so code there gets its font directly.
    style: inLink ? STYLE.hyperlink : run.code ? STYLE.code : undefined,
    font: inLink && run.code ? CODE_FONT : undefined,
  });
}

function link(inline: LinkRun, context: DocxContext, look: ForcedLook): ParagraphChild[] {
  // The IR parser has filtered hrefs already; checking again keeps IR built elsewhere from reaching Word unfiltered.
  const target = checkHref(inline.href);
  if (target.kind === 'rejected') {
    context.diagnostics.push(rejectedLink(DOCX_FORMAT, inline.href, target.reason));
    return inline.children.map((run) => textRun(run, look, false));
  }
  if (target.kind === 'internal') {
    const bookmark = context.bookmarkForId.get(target.anchor);
    if (bookmark === undefined) {
      context.diagnostics.push(missingAnchor(DOCX_FORMAT, target.anchor));
      return inline.children.map((run) => textRun(run, look, false));
    }
    // Explicit runs as children: with a bare anchor Word has shown the bookmark name instead (dolanmiu/docx#1524).
    return [new InternalHyperlink({ anchor: bookmark, children: inline.children.map((run) => textRun(run, look, true)) })];
  }
  return [new ExternalHyperlink({ link: target.href, children: inline.children.map((run) => textRun(run, look, true)) })];
}

export function convertInlines(inlines: Inline[], context: DocxContext, look: ForcedLook = {}): ParagraphChild[] {
  return inlines.flatMap((inline) => (inline.type === 'link' ? link(inline, context, look) : [textRun(inline, look, false)]));
}
