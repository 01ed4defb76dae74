/**
 * Whether an HTML page is only a list of links: impact-pack's heuristic, not THE's rule. THE's 2027 rules
 * (as read by a third party) say its assessors follow no further links, so a page that only points elsewhere
 * shows no evidence itself; how such a page is recognised is ours.
 *
 * The heuristic, on the visible text (script, style, noscript, template, svg and comments removed):
 * - at least MIN_LINKS links (`<a href>`), and
 * - at least LINK_SHARE of the visible words inside links, and
 * - fewer than MIN_RUNNING_WORDS words of running text: text outside links in blocks of at least
 *   SENTENCE_WORDS words (a paragraph, not a label or a date).
 * A long navigation menu beside a real article therefore does not make it a list: the article's paragraphs
 * are running text. Pure, never executes anything, and reads at most MAX_CHARS characters (one linear pass),
 * so a huge or hostile body costs bounded work; a cut page is judged on its start and says so.
 */
export interface LinkListVerdict {
  isLinkList: boolean;
  links: number;
  /** Share of the visible words that are inside links (0 when the page has no words). */
  linkWordShare: number;
  runningWords: number;
  /** Only the first MAX_CHARS characters were read. */
  truncated: boolean;
}

export const LINK_LIST_RULE = { MIN_LINKS: 10, LINK_SHARE: 0.6, MIN_RUNNING_WORDS: 100, SENTENCE_WORDS: 12, MAX_CHARS: 2_000_000 } as const;

/** Elements whose content is not visible text. */
const HIDDEN = ['script', 'style', 'noscript', 'template', 'svg', 'head'];

/** Inline elements that do not break a paragraph's running text. */
const INLINE = new Set(['b', 'i', 'em', 'strong', 'span', 'abbr', 'code', 'small', 'sup', 'sub', 'mark', 'cite', 'q', 'u', 's', 'time', 'font', 'bdi', 'bdo', 'dfn', 'kbd', 'var', 'wbr']);

export function judgeLinkList(html: string): LinkListVerdict {
  const truncated = html.length > LINK_LIST_RULE.MAX_CHARS;
  const visible = stripHidden(truncated ? html.slice(0, LINK_LIST_RULE.MAX_CHARS) : html);
  let links = 0;
  let anchorDepth = 0;
  const anchors: boolean[] = []; // open `<a>` elements: whether each is a link
  let linkWords = 0;
  let textWords = 0;
  let runningWords = 0;
  let block = 0; // words outside links in the current block
  const endBlock = () => {
    if (block >= LINK_LIST_RULE.SENTENCE_WORDS) runningWords += block;
    block = 0;
  };
  const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^<>]*)>/g;
  let last = 0;
  for (let m = TAG.exec(visible); ; m = TAG.exec(visible)) {
    const text = visible.slice(last, m ? m.index : visible.length);
    const words = countWords(text);
    if (anchorDepth > 0) {
      linkWords += words;
    } else {
      textWords += words;
      block += words;
    }
    if (!m) break;
    last = TAG.lastIndex;
    const [, closing, rawName, attributes] = m;
    const name = rawName.toLowerCase();
    if (name === 'a') {
      // An inline link does not end the running text around it. Only an `<a href>` is a link: `<a name>` is a target.
      if (closing) anchorDepth -= anchors.pop() ? 1 : 0;
      else {
        const isLink = /\bhref\s*=/i.test(attributes);
        // Bounded: malformed pages may open thousands of anchors without closing them.
        if (anchors.length < 10_000) anchors.push(isLink);
        if (isLink) {
          anchorDepth++;
          links++;
        }
      }
    } else if (!INLINE.has(name)) {
      endBlock();
    }
  }
  endBlock();
  const total = linkWords + textWords;
  const linkWordShare = total > 0 ? Math.round((linkWords / total) * 1000) / 1000 : 0;
  const isLinkList = links >= LINK_LIST_RULE.MIN_LINKS && linkWordShare >= LINK_LIST_RULE.LINK_SHARE && runningWords < LINK_LIST_RULE.MIN_RUNNING_WORDS;
  return { isLinkList, links, linkWordShare, runningWords, truncated };
}

/**
 * Removes comments and hidden elements. Linear: the next position of each opener is remembered and searched
 * again only once the scan has passed it; an unclosed element hides the rest of the page.
 */
function stripHidden(html: string): string {
  const lower = html.toLowerCase();
  const openers = ['<!--', ...HIDDEN.map((t) => `<${t}`)];
  const closers = ['-->', ...HIDDEN.map((t) => `</${t}`)];
  const nextAt = openers.map(() => -2); // -2: not searched yet, -1: none left
  let out = '';
  let at = 0;
  for (;;) {
    let which = -1;
    for (let k = 0; k < openers.length; k++) {
      if (nextAt[k] !== -1 && nextAt[k] < at) nextAt[k] = findOpening(lower, openers[k], at, k === 0);
      if (nextAt[k] >= 0 && (which < 0 || nextAt[k] < nextAt[which])) which = k;
    }
    if (which < 0) return out + html.slice(at);
    const start = nextAt[which];
    out += `${html.slice(at, start)} `;
    const close = lower.indexOf(closers[which], start + openers[which].length);
    if (close < 0) return out;
    const after = which === 0 ? close + 3 : lower.indexOf('>', close) + 1;
    if (after <= 0) return out;
    at = after;
  }
}

/** The next opener followed by a delimiter (so that `<header` is not `<head`); a comment needs none. */
function findOpening(lower: string, opener: string, from: number, anyFollower: boolean): number {
  let i = from;
  for (;;) {
    i = lower.indexOf(opener, i);
    if (i < 0 || anyFollower) return i;
    const c = lower.charAt(i + opener.length);
    if (c === '>' || c === '/' || c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '') return i;
    i += 1;
  }
}

function countWords(text: string): number {
  const plain = text.replace(/&(?:nbsp|#160|#xa0);/gi, ' ').replace(/&[a-z0-9#]+;/gi, 'x');
  const m = plain.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return m ? m.length : 0;
}
