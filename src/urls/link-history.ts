import { compareText } from '../diagnostics/make';
import { cachesIgnored, readCacheFile, writeCacheFile } from '../files/cache-folder';
import type { UrlCheck, UrlStatus } from './check-url';

/**
 * The results of the previous `links` run, kept in the pack's cache folder with timestamps, so that a
 * scheduled run can say what changed ("ok on 2026-11-02, broken now"). The file is only a record: a
 * damaged one is ignored and replaced, and no URL is ever skipped because of it.
 */
export interface LinkRecord {
  status: UrlStatus;
  httpStatus?: number;
  finalUrl: string;
  /** When this status was last observed (ISO date-time). */
  checkedAt: string;
  /** When this status was first observed in an unbroken run of observations. */
  since: string;
  /** The last time the URL was ok or redirected, if ever. */
  lastOkAt?: string;
  /**
   * When a saved page (`links --snapshot`) was last judged to be only a list of links (impact-pack's
   * heuristic, src/urls/link-list-page.ts). Kept by runs that do not judge the page again while it still
   * answers at the same address; removed when a saved page is judged not to be one. Read by the analysis.
   */
  linkListAt?: string;
}

export interface LinkChange {
  url: string;
  from: UrlStatus;
  /** When the previous status was observed (ISO date-time). */
  fromCheckedAt: string;
  to: UrlStatus;
}

export const LINK_HISTORY_FILE = 'link-results.json';
const FORMAT = 'impact-pack/link-results';
const VERSION = 1;
const STATUSES: readonly UrlStatus[] = ['ok', 'redirected', 'broken', 'login', 'unreachable', 'timeout', 'refused'];

export function parseLinkHistory(text: string): Map<string, LinkRecord> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const file = data as { format?: unknown; version?: unknown; results?: unknown };
  if (!file || typeof file !== 'object' || file.format !== FORMAT || file.version !== VERSION) return undefined;
  if (!file.results || typeof file.results !== 'object' || Array.isArray(file.results)) return undefined;
  const records = new Map<string, LinkRecord>();
  for (const [url, value] of Object.entries(file.results as Record<string, unknown>)) {
    if (!isRecord(value)) return undefined;
    records.set(url, value);
  }
  return records;
}

function isRecord(value: unknown): value is LinkRecord {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const isTime = (t: unknown) => typeof t === 'string' && !Number.isNaN(Date.parse(t));
  return (
    STATUSES.includes(v.status as UrlStatus) &&
    typeof v.finalUrl === 'string' &&
    isTime(v.checkedAt) &&
    isTime(v.since) &&
    (v.lastOkAt === undefined || isTime(v.lastOkAt)) &&
    (v.linkListAt === undefined || isTime(v.linkListAt)) &&
    (v.httpStatus === undefined || Number.isInteger(v.httpStatus))
  );
}

export function serialiseLinkHistory(records: Map<string, LinkRecord>): string {
  const results: Record<string, LinkRecord> = {};
  for (const url of [...records.keys()].sort(compareText)) results[url] = records.get(url)!;
  return `${JSON.stringify({ format: FORMAT, version: VERSION, results }, null, 1)}\n`;
}

export async function loadLinkHistory(packRoot: string): Promise<{ records: Map<string, LinkRecord>; status: 'absent' | 'loaded' | 'rebuilt' }> {
  const text = await readCacheFile(packRoot, LINK_HISTORY_FILE, { sealed: false });
  if (text === undefined) return { records: new Map(), status: 'absent' };
  const records = parseLinkHistory(text);
  return records ? { records, status: 'loaded' } : { records: new Map(), status: 'rebuilt' };
}

/**
 * The URLs the last `links --snapshot` judged to be only a list of links (URL -> when), for the analysis
 * (gaps, score, build). Like every cache, it is not read in CI (src/files/cache-folder.ts): a record found in
 * a checkout came from the repository. Only URLs that still answered are kept.
 */
export async function loadLinkListVerdicts(packRoot: string, env?: Readonly<Record<string, string | undefined>>): Promise<Map<string, string>> {
  if (cachesIgnored(env)) return new Map();
  const { records } = await loadLinkHistory(packRoot);
  const out = new Map<string, string>();
  for (const [url, r] of records) if (r.linkListAt && (r.status === 'ok' || r.status === 'redirected')) out.set(url, r.linkListAt);
  return out;
}

export function saveLinkHistory(packRoot: string, records: Map<string, LinkRecord>): Promise<boolean> {
  return writeCacheFile(packRoot, LINK_HISTORY_FILE, serialiseLinkHistory(records), { sealed: false });
}

const isOk = (s: UrlStatus) => s === 'ok' || s === 'redirected';

/**
 * The new record of each checked URL and what changed since the previous run. URLs the pack no longer
 * cites keep their old record, so that removing a link for a week does not erase its history. Pure.
 */
export function updateLinkHistory(
  previous: Map<string, LinkRecord>,
  checks: readonly UrlCheck[],
  now: Date,
  /** URL -> whether its saved page is only a list of links, for the pages judged in this run. */
  linkLists: ReadonlyMap<string, boolean> = new Map(),
): { records: Map<string, LinkRecord>; changes: LinkChange[] } {
  const at = now.toISOString();
  const records = new Map(previous);
  const changes: LinkChange[] = [];
  for (const check of checks) {
    const before = previous.get(check.url);
    const same = before?.status === check.status;
    const record: LinkRecord = {
      status: check.status,
      finalUrl: check.finalUrl,
      checkedAt: at,
      since: same ? before.since : at,
    };
    if (check.httpStatus !== undefined) record.httpStatus = check.httpStatus;
    const lastOkAt = isOk(check.status) ? at : before?.lastOkAt;
    if (lastOkAt !== undefined) record.lastOkAt = lastOkAt;
    const judged = linkLists.get(check.url);
    if (judged === true) record.linkListAt = at;
    else if (judged === undefined && before?.linkListAt && isOk(check.status) && before.finalUrl === check.finalUrl) record.linkListAt = before.linkListAt;
    records.set(check.url, record);
    if (before && !same) changes.push({ url: check.url, from: before.status, fromCheckedAt: before.checkedAt, to: check.status });
  }
  changes.sort((a, b) => compareText(a.url, b.url));
  return { records, changes };
}
