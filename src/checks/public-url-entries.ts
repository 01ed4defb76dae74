import type { EvidenceItem } from '../model/item';
import type { DataPath } from '../parse/yaml-source';

/** One public URL of an item as written, where it sits in the file, and the URL parsed (undefined when it does not parse). */
export interface PublicUrlEntry {
  url: string;
  path: DataPath;
  parsed: URL | undefined;
}

/** The item's public URLs, plain strings and `{ url, label }` entries alike; fields of the wrong type are skipped. */
export function publicUrlEntries(item: EvidenceItem): PublicUrlEntry[] {
  const urls: unknown = item.public_urls;
  if (!Array.isArray(urls)) return [];
  const out: PublicUrlEntry[] = [];
  urls.forEach((entry: unknown, i) => {
    const url = typeof entry === 'string' ? entry : entry && typeof entry === 'object' ? (entry as { url?: unknown }).url : undefined;
    if (typeof url !== 'string') return;
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    out.push({ url, path: typeof entry === 'string' ? ['public_urls', i] : ['public_urls', i, 'url'], parsed });
  });
  return out;
}
