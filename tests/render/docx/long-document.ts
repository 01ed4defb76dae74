import type { Block, DocumentIR } from '../../../src/render/ir/types';
import { sampleDocument, text } from './sample-document';

/**
 * A document of about ten pages: cover, contents (with level-3 entries, which only the DOCX lists), then groups of
 * metrics with a few evidence items each, every item a few paragraphs long.
 */
export function longDocument(): DocumentIR {
  const blocks: Block[] = [
    { type: 'paragraph', style: 'title', children: [text('SDG 7: Affordable and Clean Energy')] },
    { type: 'pagebreak' },
    { type: 'toc', title: 'Contents' },
    { type: 'pagebreak' },
  ];
  const paragraph = (item: string, index: number): Block => ({
    type: 'paragraph',
    children: [text(`${item}, paragraph ${index}: the school reports its energy purchases, its renovation work and what it plans next, with the figures of the year and the sources the reviewers can check them against.`)],
  });
  for (let group = 1; group <= 3; group++) {
    blocks.push({ type: 'heading', level: 1, id: `group-${group}`, children: [text(`7.${group} Group ${group}`)] });
    for (let metric = 1; metric <= 3; metric++) {
      blocks.push({ type: 'heading', level: 2, id: `metric-${group}-${metric}`, children: [text(`7.${group}.${metric} Metric ${metric} of group ${group}`)] });
      for (let item = 1; item <= 3; item++) {
        const name = `Evidence item ${item} of metric 7.${group}.${metric}`;
        blocks.push({ type: 'heading', level: 3, children: [text(name)] });
        for (let index = 1; index <= 4; index++) blocks.push(paragraph(name, index));
      }
    }
  }
  return sampleDocument(blocks);
}
