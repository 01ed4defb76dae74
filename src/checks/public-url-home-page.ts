import type { Check } from './check';
import { publicUrlEntries } from './public-url-entries';

/**
 * A site's home or landing page does not show the evidence: reviewers read the page they are given and do
 * not search a site for it (THE's 2027 rules as read by a third party: evidence must be self-contained).
 * Which paths count as a landing page is impact-pack's own list (heuristic home_page_not_public_evidence).
 */
export const publicUrlHomePage: Check = {
  name: 'public-url-home-page',
  description: 'A public URL is not a bare home page or a site\'s landing path.',
  codes: ['PUBLIC_URL_HOME_PAGE'],
  run(ctx) {
    for (const p of ctx.items) {
      for (const entry of publicUrlEntries(p.item)) {
        if (!entry.parsed || !isLandingPage(entry.parsed)) continue;
        ctx.report(
          'PUBLIC_URL_HOME_PAGE',
          `"${entry.url}" is a site's home or landing page, not a page that shows this evidence; impact-pack's check expects such a page to earn no public point.`,
          { item: p, path: entry.path },
        );
      }
    }
  },
};

/** Paths that lead to a site's front page, in any letter case, with or without a trailing slash. */
const LANDING_PATH = /^\/(?:(?:[a-z]{2}(?:[-_][a-z]{2})?)\/?)?(?:(?:index|default|home|accueil|inicio|start|welcome|main)(?:\.(?:html?|php|aspx?|jsp))?)?\/?$/i;

/** Query parameters that only track a visit; a URL with any other query selects a page (`?page_id=48`). */
const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|ref)$/i;

export function isLandingPage(url: URL): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (!LANDING_PATH.test(url.pathname)) return false;
  return [...url.searchParams.keys()].every((key) => TRACKING_PARAM.test(key));
}
