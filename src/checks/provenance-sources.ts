import type { Check } from './check';

/** Provenance must cite a declared source with a sensible line range, so the facts can be traced. */
export const provenanceSources: Check = {
  name: 'provenance-sources',
  description: 'Provenance cites a source declared in impact-pack.yaml, with a valid line range.',
  codes: ['SOURCE_UNKNOWN', 'LINES_INVALID'],
  run(ctx) {
    const declared = ctx.settings.config.sources ?? {};
    for (const p of ctx.items) {
      const list = p.item.provenance;
      if (!Array.isArray(list)) continue;
      list.forEach((entry, i) => {
        if (entry === null || typeof entry !== 'object') return;
        if (typeof entry.source === 'string' && !(entry.source in declared)) {
          const known = Object.keys(declared);
          ctx.report(
            'SOURCE_UNKNOWN',
            `Source "${entry.source}" is not declared under sources: in impact-pack.yaml${known.length ? ` (declared: ${known.join(', ')})` : ''}.`,
            { item: p, path: ['provenance', i, 'source'] },
          );
        }
        if (typeof entry.lines === 'string') {
          const m = /^(\d+)(?:-(\d+))?$/.exec(entry.lines);
          if (m && m[2] !== undefined && Number(m[2]) < Number(m[1])) {
            ctx.report('LINES_INVALID', `Line range ${entry.lines} ends before it starts.`, { item: p, path: ['provenance', i, 'lines'] });
          } else if (m && Number(m[1]) === 0) {
            ctx.report('LINES_INVALID', 'Lines are numbered from 1.', { item: p, path: ['provenance', i, 'lines'] });
          }
        }
      });
    }
  },
};
