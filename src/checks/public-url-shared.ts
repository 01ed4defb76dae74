import { compareMetricIds } from '../criteria/metric-order';
import { answersTheQuestion } from './answers-evidence';
import type { Check } from './check';
import { isLandingPage } from './public-url-home-page';
import { publicUrlEntries, type PublicUrlEntry } from './public-url-entries';
import type { ParsedItem } from '../parse/item';
import { SharedBy } from '../diagnostics/shared-subject';

/**
 * impact-pack's threshold (heuristic shared_url_landing_page): a page that items of this many different
 * metrics cite is taken to be a landing page or a list of links, not the evidence of each. Two metrics may
 * well share one real document (a policy answering two questions); three rarely do.
 */
export const SHARED_URL_METRIC_THRESHOLD = 3;

export const publicUrlShared: Check = {
  name: 'public-url-shared',
  description: `A public URL is not cited by items of ${SHARED_URL_METRIC_THRESHOLD} or more different metrics.`,
  codes: ['PUBLIC_URL_SHARED'],
  run(ctx) {
    const byUrl = new Map<string, { item: ParsedItem; entry: PublicUrlEntry; metric: string }[]>();
    for (const p of ctx.items) {
      if (!answersTheQuestion(p.item) || typeof p.item.metric !== 'string') continue;
      for (const entry of publicUrlEntries(p.item)) {
        // A home page is already reported as such; saying also that it is shared adds nothing.
        if (!entry.parsed || isLandingPage(entry.parsed)) continue;
        const key = sameDocument(entry.parsed);
        const list = byUrl.get(key) ?? [];
        list.push({ item: p, entry, metric: p.item.metric });
        byUrl.set(key, list);
      }
    }
    for (const citations of byUrl.values()) {
      const metrics = [...new Set(citations.map((c) => c.metric))].sort(compareMetricIds);
      if (metrics.length < SHARED_URL_METRIC_THRESHOLD) continue;
      // Told on every item citing it, naming the others (the rule for shared things, src/diagnostics/shared-subject.ts).
      const sharers = new SharedBy(citations.map((c) => idOf(c.item)));
      for (const c of citations) {
        const others = metrics.filter((m) => m !== c.metric);
        ctx.report(
          'PUBLIC_URL_SHARED',
          `"${c.entry.url}" is cited by items of ${metrics.length} different metrics: ${c.metric} (this item), ${others.join(', ')}; impact-pack's check takes a page shared by ${SHARED_URL_METRIC_THRESHOLD} or more metrics to be a landing page, not the evidence of each.${sharers.othersThan(idOf(c.item), 'Also cited by')}`,
          { item: c.item, path: c.entry.path },
        );
      }
    }
  },
};

/** Two spellings of one page: http or https, letter case of the host, a trailing slash, a fragment and tracking parameters do not matter. */
function sameDocument(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  for (const key of [...copy.searchParams.keys()]) if (/^(utm_[a-z]+|fbclid|gclid)$/i.test(key)) copy.searchParams.delete(key);
  const path = copy.pathname.replace(/\/+$/, '');
  return `${copy.host.toLowerCase()}${path}${copy.search}`;
}


function idOf(p: ParsedItem): string {
  return typeof p.item.id === 'string' ? p.item.id : p.file;
}
