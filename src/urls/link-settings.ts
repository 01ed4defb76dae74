import type { LinksConfig } from '../model/config';
import type { CheckSettings } from './check-url';

/** The limits of a link check: the pack config's `links` section, then command-line overrides, then defaults. */
export interface LinkSettings extends CheckSettings {
  concurrency: number;
  perHost: number;
}

export const LINK_DEFAULTS = {
  timeoutSeconds: 10,
  concurrency: 8,
  perHost: 2,
  retries: 2,
  maxRedirects: 10,
  backoffMs: 1000,
  /** Waits longer than this are not honoured; the answer that asked for them is reported instead. */
  maxWaitMs: 60_000,
} as const;

export interface LinkOverrides {
  timeoutSeconds?: number;
  concurrency?: number;
  perHost?: number;
  retries?: number;
  backoffMs?: number;
  maxWaitMs?: number;
}

export function linkSettings(config: LinksConfig | undefined, overrides: LinkOverrides, userAgent: string): LinkSettings {
  const c = config ?? {};
  return {
    timeoutMs: Math.round((overrides.timeoutSeconds ?? c.timeout_seconds ?? LINK_DEFAULTS.timeoutSeconds) * 1000),
    concurrency: overrides.concurrency ?? c.concurrency ?? LINK_DEFAULTS.concurrency,
    perHost: overrides.perHost ?? c.per_host ?? LINK_DEFAULTS.perHost,
    retries: overrides.retries ?? c.retries ?? LINK_DEFAULTS.retries,
    maxRedirects: c.max_redirects ?? LINK_DEFAULTS.maxRedirects,
    backoffMs: overrides.backoffMs ?? LINK_DEFAULTS.backoffMs,
    maxWaitMs: overrides.maxWaitMs ?? LINK_DEFAULTS.maxWaitMs,
    userAgent,
  };
}
