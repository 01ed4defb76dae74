import { findMetric } from '../criteria/lookup';
import { answersTheQuestion } from './answers-evidence';
import type { Check } from './check';
import { publicUrlEntries } from './public-url-entries';

/**
 * Where the edition scores an uploaded file as not public (the 2027 rules as a third party read them), an
 * item whose only evidence is an attached file cannot earn the public point. The edition's evidence rules
 * say so, with their confidence; nothing here is about one edition.
 */
export const attachmentNotPublic: Check = {
  name: 'attachment-not-public',
  description: 'Where the edition scores an attached file as not public, an evidence or policy item has a public URL too.',
  codes: ['ATTACHMENT_NOT_PUBLIC'],
  run(ctx) {
    const rules = ctx.catalogue.evidence;
    if (!rules || rules.attachmentCountsAsPublic) return;
    const how = rules.confidence === 'C' ? "THE's rules" : `THE's rules as read so far (confidence ${rules.confidence})`;
    for (const p of ctx.items) {
      const { item } = p;
      if (!answersTheQuestion(item) || item.confidential === true || typeof item.metric !== 'string') continue;
      const metric = findMetric(ctx.catalogue, item.metric);
      if (!metric || (metric.kind !== 'evidence' && metric.kind !== 'policy') || metric.notScored) continue;
      if (!Array.isArray(item.supporting_files) || item.supporting_files.length === 0) continue;
      if (publicUrlEntries(item).length > 0) continue;
      ctx.report(
        'ATTACHMENT_NOT_PUBLIC',
        `The evidence is only an attached file: under ${how} for the ${ctx.catalogue.edition} edition an attached file is not public, so it earns no public point.`,
        { item: p, path: ['supporting_files'] },
      );
    }
  },
};
