/**
 * Word bookmark names for heading ids. Word accepts a bookmark only if its name starts with a letter, has at
 * most 40 characters and uses letters, digits and underscores; anchor ids such as "item-sdg17-sdsr-strategy-2018-2022"
 * break all three rules, so every id is mapped to a name once per document and links use the same map.
 */

const MAX_LENGTH = 40;

/** FNV-1a over UTF-16 code units, as 8 hex digits: short, stable, and enough to keep shortened names apart. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function readableName(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `h_${cleaned}`;
}

function withHash(name: string, id: string): string {
  return `${name.slice(0, MAX_LENGTH - 9)}_${shortHash(id)}`;
}

/** Maps each id to a distinct valid bookmark name, in the order given; the same ids always give the same names. */
export function bookmarkNames(ids: Iterable<string>): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const id of ids) {
    if (names.has(id)) continue;
    let name = readableName(id);
    // Shortened or clashing names ("a-b" and "a_b" both read "a_b") get a hash of the full id.
    if (name.length > MAX_LENGTH || used.has(name)) name = withHash(name, id);
    // A clash that survives the hash is vanishingly unlikely, but must still not produce two equal names.
    for (let attempt = 1; used.has(name); attempt++) name = withHash(readableName(id), `${id}#${attempt}`);
    names.set(id, name);
    used.add(name);
  }
  return names;
}
