import { open } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CONFIG_FILE } from '../config/resolve';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { compareText, diagnostic, sortDiagnostics } from '../diagnostics/make';
import { SharedBy } from '../diagnostics/shared-subject';
import { isInsideFolder, snapshotsFolderOf, fileRulesFor } from '../files/file-rules';
import { readTextFile } from '../load/read-text-file';
import { parseYamlSource, locate } from '../parse/yaml-source';
import { loadPack, type LoadOptions } from '../pipeline/load-pack';
import type { Resolver } from './address-policy';
import { checkUrl, type CheckDeps, type UrlCheck, type UrlStatus } from './check-url';
import { collectUrls, type UrlReference } from './collect-urls';
import { HostLimiter } from './host-limiter';
import { citedBy, linkDiagnostics } from './link-diagnostics';
import { loadLinkHistory, saveLinkHistory, updateLinkHistory, type LinkChange } from './link-history';
import { linkListDiagnostics, type LinkListFinding } from './link-list-citations';
import { judgeLinkList, LINK_LIST_RULE, type LinkListVerdict } from './link-list-page';
import { linkSettings, type LinkOverrides } from './link-settings';
import { finishSnapshot, openSnapshotRun, partialBodyFile, writeSnapshotIndex, type SnapshotEntry, type SnapshotRun } from './snapshot';

export interface LinkCheckOptions extends LoadOptions, LinkOverrides {
  /** Save what each URL served into the pack's snapshots folder. */
  snapshot?: boolean;
  /** The largest body a snapshot keeps (default 50 MB); longer ones are cut and marked truncated. */
  maxSnapshotBytes?: number;
  userAgent?: string;
  /** The clock for timestamps (default: the system clock). */
  clock?: () => Date;
  /** How to wait between retries (default: a real timer); tests pass a recorder. */
  sleep?: (ms: number) => Promise<void>;
  /** `--allow-private`: private networks and this machine may be fetched (see docs/links.md). */
  allowPrivate?: boolean;
  /** How host names are resolved (default: the system resolver); tests answer without DNS. */
  resolver?: Resolver;
  /** How one request is made (default: httpRequest); tests put a scripted answer in front of the real one. */
  request?: CheckDeps['request'];
}

export interface LinkReport {
  /** When the run started (ISO date-time). */
  checkedAt: string;
  /** Distinct URLs checked, and the lines citing them. */
  urls: number;
  references: number;
  counts: Record<UrlStatus, number>;
  /** One per distinct URL, sorted by URL. */
  results: UrlCheck[];
  /** What changed since the previous run recorded in the cache folder. */
  changes: LinkChange[];
  history: { previous: 'absent' | 'loaded' | 'rebuilt'; saved: boolean };
  snapshot?: { folder: string; pages: number };
  /**
   * Nothing could be checked: every URL that was tried failed the way a missing network fails (no route,
   * no DNS server, the proxy unreachable, no connection at all). The results say nothing about the URLs.
   */
  networkUnreachable: boolean;
}

const DEFAULT_MAX_SNAPSHOT_BYTES = 50 * 1024 * 1024;

/**
 * `impact-pack links`: checks every http(s) URL the pack cites, once per distinct URL, with bounded
 * concurrency overall and per host; records the results with timestamps in the cache folder to report
 * what changed; optionally saves snapshots. The only part of impact-pack that uses the network.
 */
export async function checkLinks(packDir: string, options: LinkCheckOptions = {}): Promise<{ report?: LinkReport; diagnostics: Diagnostic[] }> {
  const clock = options.clock ?? (() => new Date());
  const startedAt = clock();
  const loaded = await loadPack(packDir, options);
  if (!loaded.pack) return { diagnostics: loaded.diagnostics };
  const { pack } = loaded;
  const config = pack.settings.config;

  const configText = await readTextFile(pack.root, CONFIG_FILE);
  const configSource = configText.text !== undefined ? parseYamlSource(CONFIG_FILE, configText.text).value : undefined;
  const collected = collectUrls(pack.items, { value: config, source: configSource, file: CONFIG_FILE });
  const diagnostics: Diagnostic[] = [...collected.diagnostics];
  const urls = [...new Set(collected.references.map((r) => r.url))].sort(compareText);

  const settings = {
    ...linkSettings(config.links, options, options.userAgent ?? 'impact-pack link checker'),
    policy: { allowPrivate: options.allowPrivate === true, allowedHosts: config.links?.allow_hosts ?? [] },
    env: options.env,
  };
  let run: SnapshotRun | undefined;
  if (options.snapshot) {
    const folder = snapshotsFolderOf(config);
    const rules = fileRulesFor(config);
    const clash = [config.folders.items, config.folders.templates, ...rules.roots].find((f) => isInsideFolder(folder, f) || isInsideFolder(f, folder));
    const opened = clash
      ? { problem: `the snapshots folder ${folder}/ overlaps the pack's ${clash}/ folder; choose another \`folders.snapshots\`` }
      : await openSnapshotRun(pack.root, folder, startedAt);
    if (opened.problem) {
      const where = configSource ? { file: CONFIG_FILE, ...locate(configSource, ['folders', 'snapshots']) } : { file: CONFIG_FILE };
      diagnostics.push(diagnostic('URL_SNAPSHOT_FAILED', `No snapshot was saved: ${opened.problem}.`, where));
    }
    run = opened.run;
  }

  const limiter = new HostLimiter(settings.concurrency, settings.perHost);
  const deps = { sleep: options.sleep ?? ((ms: number) => delay(ms).then(() => undefined)), nowMs: () => clock().getTime(), resolver: options.resolver, request: options.request };
  const maxBytes = options.maxSnapshotBytes ?? DEFAULT_MAX_SNAPSHOT_BYTES;
  const entries: SnapshotEntry[] = [];
  const checks = new Map<string, UrlCheck>();
  await Promise.all(
    urls.map((url) =>
      limiter.run(new URL(url).host, async () => {
        const check = await checkUrl(url, settings, deps, run ? { file: partialBodyFile(run, url), maxBytes } : undefined);
        checks.set(url, check);
        if (run) {
          try {
            entries.push(await finishSnapshot(run, check, clock()));
          } catch (error) {
            diagnostics.push(...snapshotProblems(collected.references, url, `the page of "${url}" could not be saved (${(error as Error).message})`));
          }
        }
      }),
    ),
  );
  if (run) {
    await writeSnapshotIndex(run, entries, startedAt).catch((error: Error) =>
      diagnostics.push(diagnostic('URL_SNAPSHOT_FAILED', `The snapshot index could not be written (${error.message}).`, { file: CONFIG_FILE })),
    );
    for (const e of entries) {
      if (e.truncated) {
        diagnostics.push(...snapshotProblems(collected.references, e.url, `the page of "${e.url}" is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; the snapshot keeps only the start`));
      }
    }
  }

  const results = urls.map((u) => checks.get(u)!);
  // Only a saved page can be judged: without --snapshot, links reads headers only and downloads no body.
  const judged = run ? await judgeSavedPages(run, entries) : new Map<string, LinkListVerdict>();
  const previous = await loadLinkHistory(pack.root);
  const updated = updateLinkHistory(previous.records, results, startedAt, new Map([...judged].map(([url, v]) => [url, v.isLinkList])));
  const saved = await saveLinkHistory(pack.root, updated.records);
  diagnostics.push(...linkDiagnostics(collected.references, checks, previous.records, startedAt));
  const linkLists = new Map<string, LinkListFinding>();
  for (const [url, record] of updated.records) {
    if (!record.linkListAt || !checks.has(url)) continue;
    const verdict = judged.get(url);
    linkLists.set(url, verdict ? { at: record.linkListAt, verdict } : { at: record.linkListAt });
  }
  diagnostics.push(...linkListDiagnostics(collected.references, linkLists));

  const counts: Record<UrlStatus, number> = { ok: 0, redirected: 0, broken: 0, login: 0, unreachable: 0, timeout: 0, refused: 0 };
  for (const r of results) counts[r.status]++;
  const tried = results.filter((r) => r.status !== 'refused');
  const report: LinkReport = {
    checkedAt: startedAt.toISOString(),
    urls: urls.length,
    references: collected.references.length,
    counts,
    results,
    changes: updated.changes,
    history: { previous: previous.status, saved },
    networkUnreachable: tried.length > 0 && tried.every((r) => r.offline === true),
  };
  if (run) report.snapshot = { folder: run.folder, pages: entries.filter((e) => e.body).length };
  return { report, diagnostics: sortDiagnostics(diagnostics) };
}

/** Judges each saved HTML page (its first LINK_LIST_RULE.MAX_CHARS bytes): is it only a list of links? */
async function judgeSavedPages(run: SnapshotRun, entries: readonly SnapshotEntry[]): Promise<Map<string, LinkListVerdict>> {
  const verdicts = new Map<string, LinkListVerdict>();
  for (const e of entries) {
    const type = (e.contentType ?? '').split(';')[0].trim().toLowerCase();
    if (!e.body || (type !== 'text/html' && type !== 'application/xhtml+xml')) continue;
    const limit = LINK_LIST_RULE.MAX_CHARS;
    const text = await readStart(path.join(run.absolute, e.body), Math.min(limit, e.size ?? limit)).catch(() => undefined);
    if (text === undefined) continue;
    const verdict = judgeLinkList(text);
    verdicts.set(e.url, e.truncated || (e.size ?? 0) > limit ? { ...verdict, truncated: true } : verdict);
  }
  return verdicts;
}

async function readStart(file: string, maxBytes: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** A snapshot problem concerns every reference to the URL (the rule for shared things, src/diagnostics/shared-subject.ts). */
function snapshotProblems(references: readonly UrlReference[], url: string, text: string): Diagnostic[] {
  const refs = references.filter((r) => r.url === url);
  const sharers = new SharedBy(refs.map(citedBy));
  return refs.map((ref) =>
    diagnostic('URL_SNAPSHOT_FAILED', `Snapshot incomplete: ${text}.${sharers.othersThan(citedBy(ref), 'Also cited by')}`, ref.where, {
      itemId: ref.itemId,
      sdg: ref.sdg,
      metric: ref.metric,
    }),
  );
}
