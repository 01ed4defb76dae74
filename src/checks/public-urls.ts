import type { Check } from './check';

/** Public URLs are what earns THE's "public" point: they must be web addresses, and never on confidential items. */
export const publicUrls: Check = {
  name: 'public-urls',
  description: 'Public URLs are http(s) addresses, and confidential items have none.',
  codes: ['URL_SCHEME', 'CONFIDENTIAL_PUBLIC'],
  run(ctx) {
    for (const p of ctx.items) {
      const urls = p.item.public_urls;
      if (!Array.isArray(urls)) continue;
      urls.forEach((entry, i) => {
        const url = typeof entry === 'string' ? entry : entry && typeof entry === 'object' ? entry.url : undefined;
        if (typeof url !== 'string') return;
        const path = typeof entry === 'string' ? ['public_urls', i] : ['public_urls', i, 'url'];
        let parsed: URL | undefined;
        try {
          parsed = new URL(url);
        } catch {
          parsed = undefined;
        }
        if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
          ctx.report('URL_SCHEME', `"${url}" is not a web address (it must start with https:// or http://).`, { item: p, path });
        }
      });
      if (p.item.confidential === true && urls.length > 0) {
        ctx.report('CONFIDENTIAL_PUBLIC', 'The item is marked confidential but lists public URLs.', { item: p, path: ['public_urls'] });
      }
    }
  },
};
