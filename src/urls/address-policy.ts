import { promises as dnsPromises } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { addressKind, KIND_WORDS, type AddressKind } from './ip-address';

/**
 * Which addresses `impact-pack links` may connect to. A pull request can cite any URL, and `links` runs in
 * CI next to secrets and cloud metadata, so by default only public addresses are fetched: a URL whose host
 * is, or resolves to, the machine itself, a private network, link-local or cloud-metadata address, a
 * multicast, unspecified or reserved address is refused without a connection.
 *
 * The check runs on the address actually connected to: the lookup handed to Node's socket resolves the
 * name, refuses if any answer is internal, and returns the checked addresses for the socket to use, so a
 * DNS answer cannot change between the check and the connection (no rebinding window).
 */
export interface AddressPolicy {
  /** `--allow-private`: private networks and this machine may be fetched (never metadata, multicast, unspecified, reserved). */
  allowPrivate: boolean;
  /** `links.allow_hosts`: hosts (exact, or `.example.edu` for a domain and its subdomains) whose private addresses may be fetched. */
  allowedHosts: readonly string[];
}

export const DEFAULT_POLICY: AddressPolicy = { allowPrivate: false, allowedHosts: [] };

export interface Refusal {
  host: string;
  /** The address refused, when the refusal is about an address rather than a name. */
  address?: string;
  kind: AddressKind;
}

/** Kinds that no option makes fetchable: none of them is an intranet page. */
const NEVER: ReadonlySet<AddressKind> = new Set(['metadata', 'multicast', 'unspecified', 'reserved']);
/** Kinds a pack's allow list may open; loopback needs `--allow-private`, which only the person running the command can give. */
const PACK_MAY_ALLOW: ReadonlySet<AddressKind> = new Set(['private', 'link-local', 'unique-local']);

/** Names that mean this machine or its cloud metadata whatever a resolver says (RFC 6761 reserves .localhost). */
function kindOfName(host: string): AddressKind | undefined {
  const name = host.replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return 'loopback';
  if (name === 'metadata.google.internal' || name === 'metadata.goog') return 'metadata';
  return undefined;
}

/**
 * A host as the WHATWG URL parser writes it: numeric, octal, hex and short IPv4 spellings (0x7f000001,
 * 2130706433, 0177.0.0.1, 127.1) become dotted decimal, names become lower case, IPv6 is compressed.
 */
export function normaliseHost(host: string): string {
  try {
    const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    return new URL(`http://${bracketed}/`).hostname;
  } catch {
    return host.toLowerCase();
  }
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function allowedByPack(policy: AddressPolicy, host: string): boolean {
  return policy.allowedHosts.some((entry) => {
    const e = entry.startsWith('.') ? `.${normaliseHost(entry.slice(1))}` : normaliseHost(entry);
    return e.startsWith('.') ? host.endsWith(e) || host === e.slice(1) : host === e;
  });
}

function permitted(policy: AddressPolicy, host: string, kind: AddressKind): boolean {
  if (kind === 'public') return true;
  if (NEVER.has(kind)) return false;
  if (policy.allowPrivate) return true;
  return PACK_MAY_ALLOW.has(kind) && allowedByPack(policy, host);
}

/** Refuses a host by its name or, when it is an IP literal, by its address; undefined when a lookup must decide. */
export function refusalOfHost(policy: AddressPolicy, rawHost: string): Refusal | undefined {
  const host = normaliseHost(rawHost);
  const literal = addressKind(unbracket(host));
  const kind = literal ?? kindOfName(host);
  if (kind === undefined || permitted(policy, host, kind)) return undefined;
  return literal ? { host, address: unbracket(host), kind } : { host, kind };
}

/** Refuses one resolved address of a host. */
export function refusalOfAddress(policy: AddressPolicy, rawHost: string, address: string): Refusal | undefined {
  const host = normaliseHost(rawHost);
  const kind = addressKind(address) ?? 'reserved';
  return permitted(policy, host, kind) ? undefined : { host, address, kind };
}

/** "127.0.0.1 is a loopback address (this machine)" or "localhost resolves to 127.0.0.1, a loopback address …". */
export function refusalWords(r: Refusal): string {
  const words = KIND_WORDS[r.kind];
  if (!r.address) return `${r.host} names ${words}`;
  if (unbracket(r.host) === r.address) return `${r.address} is ${words}`;
  return `${r.host} resolves to ${r.address}, ${words}`;
}

/** The error a refused connection fails with; carried through Node's socket machinery as an ordinary error. */
export class AddressRefusedError extends Error {
  readonly code = 'IMPACT_PACK_ADDRESS_REFUSED';
  constructor(readonly refusal: Refusal) {
    super(`address refused: ${refusalWords(refusal)}`);
  }
}

/** Resolves a host name to all its addresses; injectable so that tests never ask a real DNS server. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsPromises.lookup(hostname, { all: true, verbatim: true });

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for Node's sockets that resolves, checks every answer, and hands the socket only the addresses
 * it checked. Any internal answer refuses the host as a whole, so a name cannot mix a public and a private
 * address and hope the socket picks the second.
 */
export function guardedLookup(policy: AddressPolicy, resolver: Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolver(hostname).then(
      (all) => {
        const refused = all.map((a) => refusalOfAddress(policy, hostname, a.address)).find((r) => r !== undefined);
        if (refused) return callback(new AddressRefusedError(refused), '', 0);
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const usable = family === 4 || family === 6 ? all.filter((a) => a.family === family) : all;
        if (usable.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          error.code = 'ENOTFOUND';
          return callback(error, '', 0);
        }
        if (options.all) return callback(null, usable);
        return callback(null, usable[0].address, usable[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
