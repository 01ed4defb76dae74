import { isIPv4, isIPv6 } from 'node:net';

/**
 * What kind of address an IP is, for the link checker's address policy. Only `public` addresses may be
 * fetched by default; everything else names the machine running the check, its network, or nothing.
 *
 * The ranges are IANA's special-purpose registries (IPv4 and IPv6). IPv6 forms that carry an IPv4 address
 * (IPv4-mapped ::ffff:a.b.c.d, the NAT64 prefix 64:ff9b::/96, 6to4 2002::/16) are judged by the IPv4
 * address they carry, since that is where a connection to them ends up.
 */
export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'metadata'
  | 'multicast'
  | 'unspecified'
  | 'reserved';

export const KIND_WORDS: Record<AddressKind, string> = {
  public: 'a public address',
  loopback: 'a loopback address (this machine)',
  private: 'a private-network address',
  'link-local': 'a link-local address',
  'unique-local': 'a unique-local IPv6 address (a private network)',
  metadata: 'the cloud instance metadata service',
  multicast: 'a multicast address',
  unspecified: 'the unspecified address (this machine)',
  reserved: 'a reserved address that is not on the public internet',
};

type Range4 = [number, number, number, number, number, AddressKind];

/** IPv4 ranges: first address, prefix length, kind. The metadata address comes before link-local, which contains it. */
const IPV4_RANGES: Range4[] = [
  [169, 254, 169, 254, 32, 'metadata'], // AWS, GCP, Azure, OpenStack … instance metadata
  [0, 0, 0, 0, 8, 'unspecified'], // "this network"; 0.0.0.0 reaches the local host on Linux
  [10, 0, 0, 0, 8, 'private'],
  [100, 64, 0, 0, 10, 'private'], // shared address space (carrier-grade NAT; Alibaba's metadata 100.100.100.200)
  [127, 0, 0, 0, 8, 'loopback'],
  [169, 254, 0, 0, 16, 'link-local'],
  [172, 16, 0, 0, 12, 'private'],
  [192, 0, 0, 0, 24, 'reserved'], // IETF protocol assignments
  [192, 0, 2, 0, 24, 'reserved'], // documentation
  [192, 88, 99, 0, 24, 'reserved'], // deprecated 6to4 relay anycast
  [192, 168, 0, 0, 16, 'private'],
  [198, 18, 0, 0, 15, 'reserved'], // benchmarking
  [198, 51, 100, 0, 24, 'reserved'], // documentation
  [203, 0, 113, 0, 24, 'reserved'], // documentation
  [224, 0, 0, 0, 4, 'multicast'],
  [240, 0, 0, 0, 4, 'reserved'], // reserved, and 255.255.255.255 broadcast
];

/** Parses dotted-decimal IPv4 text (the only form a resolver or the URL parser produces) into four bytes. */
export function parseIPv4(text: string): number[] | undefined {
  if (!isIPv4(text)) return undefined;
  return text.split('.').map(Number);
}

/** Parses IPv6 text (with or without brackets, a zone id, or a trailing dotted IPv4) into sixteen bytes. */
export function parseIPv6(text: string): number[] | undefined {
  let s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  s = s.split('%')[0];
  if (!isIPv6(s)) return undefined;
  const lastColon = s.lastIndexOf(':');
  const v4 = parseIPv4(s.slice(lastColon + 1));
  if (v4) s = `${s.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(zeros).fill('0'), ...tailGroups].map((g) => parseInt(g, 16));
  if (groups.length !== 8 || groups.some((g) => !(g >= 0 && g <= 0xffff))) return undefined;
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

function inRange4(bytes: number[], [a, b, c, d, prefix]: Range4): boolean {
  const value = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  const base = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return ((value & mask) >>> 0) === ((base & mask) >>> 0);
}

function kindOfIPv4(bytes: number[]): AddressKind {
  return IPV4_RANGES.find((r) => inRange4(bytes, r))?.[5] ?? 'public';
}

function kindOfIPv6(b: number[]): AddressKind {
  const zeroUpTo = (n: number) => b.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(16)) return 'unspecified';
  if (zeroUpTo(15) && b[15] === 1) return 'loopback';
  // IPv4-mapped ::ffff:0:0/96: a connection to it is an IPv4 connection to the embedded address.
  if (zeroUpTo(10) && b[10] === 0xff && b[11] === 0xff) return kindOfIPv4(b.slice(12));
  // IPv4-compatible ::/96 (deprecated): never a public destination today.
  if (zeroUpTo(12)) return 'reserved';
  // NAT64 64:ff9b::/96 translates to the embedded IPv4 address.
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && b.slice(4, 12).every((x) => x === 0)) return kindOfIPv4(b.slice(12));
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && b[4] === 0 && b[5] === 1) return 'private'; // local-use NAT64 64:ff9b:1::/48
  // 6to4 2002::/16 tunnels to the IPv4 address in its next 32 bits.
  if (b[0] === 0x20 && b[1] === 0x02) {
    const inner = kindOfIPv4(b.slice(2, 6));
    return inner === 'public' ? 'public' : inner;
  }
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x00 && b[3] === 0x00) return 'reserved'; // Teredo 2001::/32
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x0d && b[3] === 0xb8) return 'reserved'; // documentation 2001:db8::/32
  if (b[0] === 0x01 && b[1] === 0x00 && b.slice(2, 8).every((x) => x === 0)) return 'reserved'; // discard-only 100::/64
  if (b[0] === 0xfd && b[1] === 0x00 && b[2] === 0x0e && b[3] === 0xc2 && b.slice(4, 14).every((x) => x === 0) && b[14] === 0x02 && b[15] === 0x54) return 'metadata'; // AWS fd00:ec2::254
  if ((b[0] & 0xfe) === 0xfc) return 'unique-local'; // fc00::/7
  if (b[0] === 0xfe && (b[1] & 0xc0) === 0x80) return 'link-local'; // fe80::/10
  if (b[0] === 0xfe && (b[1] & 0xc0) === 0xc0) return 'private'; // site-local fec0::/10 (deprecated)
  if (b[0] === 0xff) return 'multicast';
  return 'public';
}

/** The kind of an IP address written as text; undefined when the text is not an IP address. */
export function addressKind(text: string): AddressKind | undefined {
  const v4 = parseIPv4(text);
  if (v4) return kindOfIPv4(v4);
  const v6 = parseIPv6(text);
  return v6 ? kindOfIPv6(v6) : undefined;
}
