import type { Check } from './check';
import { stringsIn } from './check';

/** Words that mark unfinished text; matched as whole words so that "textbook" or "Txx" do not trigger. */
const PLACEHOLDER = /\b(TODO|TBD|TBC|FIXME|XXX+)\b|lorem ipsum|\[insert[^\]]*\]/i;

export const placeholderText: Check = {
  name: 'placeholder-text',
  description: 'No placeholder text (TODO, TBD, XXX, lorem ipsum) is left in an item.',
  codes: ['PLACEHOLDER_TEXT'],
  run(ctx) {
    for (const p of ctx.items) {
      for (const { path, text } of stringsIn(p.item)) {
        const m = PLACEHOLDER.exec(text);
        if (!m) continue;
        // Upper-case markers only: "todo" in running text ("a to-do list") is a word, "TODO" is a marker.
        if (m[1] && m[1] !== m[1].toUpperCase()) continue;
        ctx.report('PLACEHOLDER_TEXT', `Placeholder "${m[0]}" left in ${path.join('.')}.`, { item: p, path });
      }
    }
  },
};
