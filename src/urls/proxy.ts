/**
 * The proxy a URL goes through, from the environment as curl and most tools read it: `https_proxy` for
 * https URLs, `http_proxy` for http URLs, `all_proxy` for both, lower case before upper case, and
 * `no_proxy` listing hosts reached directly (`*`, `example.edu`, `.example.edu`, `host:port`, IP literals;
 * a name matches itself and its subdomains). Only http:// proxies are supported: https URLs go through
 * them with CONNECT, so the proxy never sees the page. Pure.
 */
export type ProxyChoice = { kind: 'direct' } | { kind: 'proxy'; proxy: URL } | { kind: 'unsupported'; text: string };

export function proxyFor(url: URL, env: Readonly<Record<string, string | undefined>>): ProxyChoice {
  const get = (name: string) => nonEmpty(env[name]) ?? nonEmpty(env[name.toUpperCase()]);
  const raw = (url.protocol === 'https:' ? get('https_proxy') : get('http_proxy')) ?? get('all_proxy');
  if (!raw) return { kind: 'direct' };
  if (bypassed(url, get('no_proxy') ?? '')) return { kind: 'direct' };
  let proxy: URL;
  try {
    proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    return { kind: 'unsupported', text: raw };
  }
  if (proxy.protocol !== 'http:') return { kind: 'unsupported', text: `${proxy.protocol}//${proxy.host}` };
  return { kind: 'proxy', proxy };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

function bypassed(url: URL, noProxy: string): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    let entryPort: string | undefined;
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracketed) {
      entry = bracketed[1];
      entryPort = bracketed[2];
    } else if (/^[^:]+:\d+$/.test(entry)) {
      [entry, entryPort] = entry.split(':');
    }
    if (entryPort && entryPort !== port) continue;
    entry = entry.replace(/^\*?\./, '');
    if (host === entry || host.endsWith(`.${entry}`)) return true;
  }
  return false;
}

/** The proxy as it may be printed: never its user name or password. */
export function proxyLabel(proxy: URL): string {
  return `${proxy.protocol}//${proxy.host}`;
}
