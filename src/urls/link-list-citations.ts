import type { Diagnostic } from '../diagnostics/diagnostic';
import { CONFIG_FILE } from '../config/resolve';
import { diagnostic, sortDiagnostics } from '../diagnostics/make';
import type { ResolvedConfig } from '../model/config';
import type { ParsedItem } from '../parse/item';
import type { LoadResult } from '../pipeline/load-pack';
import { collectUrls, type UrlReference } from './collect-urls';
import { citedBy, day, sharersByUrl } from './link-diagnostics';
import { loadLinkListVerdicts } from './link-history';
import type { LinkListVerdict } from './link-list-page';

/** What is known of a page judged to be only a list of links: when, and (in the run that judged it) the figures. */
export interface LinkListFinding {
  at: string;
  verdict?: LinkListVerdict;
}

/**
 * PUBLIC_URL_LINK_LIST on every item line citing a page judged to be only a list of links (the rule for
 * shared things, src/diagnostics/shared-subject.ts): each owner sees it in their own file, and the scorer
 * withholds the public point of the URL at that line as it does for a home page. Pure.
 */
export function linkListDiagnostics(references: readonly UrlReference[], findings: ReadonlyMap<string, LinkListFinding>): Diagnostic[] {
  const cited = references.filter((r) => r.itemId !== undefined && findings.has(r.url));
  const sharers = sharersByUrl(cited);
  return cited.map((ref) => {
    const { at, verdict } = findings.get(ref.url)!;
    const figures = verdict ? `${verdict.links} links, ${Math.round(verdict.linkWordShare * 100)}% of its words in links, ${verdict.runningWords} words of running text${verdict.truncated ? ', judged on its start' : ''}; ` : '';
    const message =
      `"${ref.url}" is only a list of links (${figures}page saved on ${day(at)}): THE's assessors follow no further links, ` +
      `so impact-pack expects it to earn no public point. Telling a list of links from a page of evidence is impact-pack's heuristic, not THE's rule.` +
      sharers.get(ref.url)!.othersThan(citedBy(ref), 'Also cited by');
    return diagnostic('PUBLIC_URL_LINK_LIST', message, ref.where, { itemId: ref.itemId, sdg: ref.sdg, metric: ref.metric });
  });
}

/**
 * For the analysis (gaps, score, build): the diagnostics of the link-list pages recorded by the last
 * `links --snapshot` in the pack's cache folder. Nothing when there is no record, or in CI (caches are not read there).
 */
export async function recordedLinkListDiagnostics(
  packRoot: string,
  items: ParsedItem[],
  config: ResolvedConfig,
  env?: Readonly<Record<string, string | undefined>>,
): Promise<Diagnostic[]> {
  const verdicts = await loadLinkListVerdicts(packRoot, env);
  if (verdicts.size === 0) return [];
  const { references } = collectUrls(items, { value: config, source: undefined, file: CONFIG_FILE });
  return linkListDiagnostics(references, new Map([...verdicts].map(([url, at]) => [url, { at }])));
}

/** A loaded pack with the recorded link-list pages among its diagnostics (the analysis input of gaps, score, build). */
export async function withRecordedLinkLists(loaded: LoadResult, env?: Readonly<Record<string, string | undefined>>): Promise<LoadResult> {
  if (!loaded.pack) return loaded;
  const found = await recordedLinkListDiagnostics(loaded.pack.root, loaded.pack.items, loaded.pack.settings.config, env);
  return found.length === 0 ? loaded : { ...loaded, diagnostics: sortDiagnostics([...loaded.diagnostics, ...found]) };
}
