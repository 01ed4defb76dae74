import type { Check } from './check';

export const statusReason: Check = {
  name: 'status-reason',
  description: 'Items marked not applicable or not pursuing say why.',
  codes: ['STATUS_REASON_MISSING'],
  run(ctx) {
    for (const p of ctx.items) {
      const { status, status_reason: reason } = p.item;
      if ((status === 'not_applicable' || status === 'not_pursuing') && (typeof reason !== 'string' || reason.trim() === '')) {
        ctx.report('STATUS_REASON_MISSING', `Status ${status} needs a status_reason that reviewers can check.`, { item: p, path: ['status'] });
      }
    }
  },
};
