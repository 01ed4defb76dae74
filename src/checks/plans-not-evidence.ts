import type { Check } from './check';

export const plansNotEvidence: Check = {
  name: 'plans-not-evidence',
  description: 'Planned or postponed actions are flagged: THE credits what exists or happened.',
  codes: ['PLANNED_NOT_ACHIEVED'],
  run(ctx) {
    for (const p of ctx.items) {
      const { progress } = p.item;
      if (progress === 'planned' || progress === 'postponed') {
        ctx.report('PLANNED_NOT_ACHIEVED', `The item is ${progress}: it documents an intention and earns no points until it happens.`, {
          item: p,
          path: ['progress'],
        });
      }
    }
  },
};
