import type { Diagnostic, Position } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import type { ResolvedConfig } from '../model/config';
import type { ParsedItem } from '../parse/item';
import { locate, type DataPath, type YamlSource } from '../parse/yaml-source';

/** One place in the pack that cites a URL: an item's `public_urls` entry, a source document, or the website. */
export interface UrlReference {
  url: string;
  where: { file: string } & Position;
  itemId?: string;
  sdg?: number;
  metric?: string;
}

/**
 * Every URL the pack cites, with the line that cites it. Only http and https addresses can be checked;
 * anything else is reported here (URL_SCHEME) and left out. Pure.
 */
export function collectUrls(
  items: readonly ParsedItem[],
  config: { value: ResolvedConfig; source?: YamlSource; file: string },
): { references: UrlReference[]; diagnostics: Diagnostic[] } {
  const references: UrlReference[] = [];
  const diagnostics: Diagnostic[] = [];
  const add = (raw: unknown, source: YamlSource | undefined, file: string, path: DataPath, extra: Omit<UrlReference, 'url' | 'where'>) => {
    if (typeof raw !== 'string' || raw.trim() === '') return;
    const where = { file, ...(source ? locate(source, path) : { line: 0, column: 0 }) };
    const url = raw.trim();
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      diagnostics.push(diagnostic('URL_SCHEME', `"${url}" is not a web address (it must start with https:// or http://); it was not checked.`, where, extra));
      return;
    }
    references.push({ url, where, ...extra });
  };

  for (const p of items) {
    const urls = p.item.public_urls;
    if (!Array.isArray(urls)) continue;
    const extra = {
      itemId: typeof p.item.id === 'string' ? p.item.id : undefined,
      sdg: typeof p.item.sdg === 'number' ? p.item.sdg : undefined,
      metric: typeof p.item.metric === 'string' ? p.item.metric : undefined,
    };
    urls.forEach((entry, i) => {
      if (typeof entry === 'string') add(entry, p.source, p.file, ['public_urls', i], extra);
      else if (entry && typeof entry === 'object') add(entry.url, p.source, p.file, ['public_urls', i, 'url'], extra);
    });
  }
  add(config.value.institution.website, config.source, config.file, ['institution', 'website'], {});
  for (const [key, doc] of Object.entries(config.value.sources ?? {})) {
    add(doc?.url, config.source, config.file, ['sources', key, 'url'], {});
  }
  return { references, diagnostics };
}
