import type { SdgGap } from '../analyse/gaps';
import { escapeHtml } from '../render/html/escape';

const SEGMENTS = [
  { key: 'complete', label: 'complete', colour: '#2e7d32' },
  { key: 'partial', label: 'partial', colour: '#f9a825' },
  { key: 'missing', label: 'missing', colour: '#c62828' },
  { key: 'other', label: 'not applicable or not pursued', colour: '#9e9e9e' },
] as const;

const ROW = 24;
const LABEL = 210;
const BAR = 520;
const TOP = 28;

/**
 * Coverage per SDG as an inline SVG (no script, no external resource): one stacked bar per SDG showing how
 * many of its evidence metrics are complete, partial, missing, or out of play, with the counts as tooltips
 * (a per-SDG group counted as one, as in the coverage tables).
 */
export function coverageChartSvg(sdgs: SdgGap[]): string {
  const height = TOP + sdgs.length * ROW + 8;
  const width = LABEL + BAR + 90;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-label="Coverage of the evidence metrics per SDG">`,
  ];
  let x = LABEL;
  for (const s of SEGMENTS) {
    parts.push(`<rect x="${x}" y="6" width="12" height="12" fill="${s.colour}"/><text x="${x + 16}" y="16">${escapeHtml(s.label)}</text>`);
    x += 24 + s.label.length * 6.5;
  }
  sdgs.forEach((s, i) => {
    const y = TOP + i * ROW;
    // The analysis's coverage: a group of per-SDG questions (17.3) is one bar segment, not one per SDG.
    const counts = { complete: s.coverage.complete, partial: s.coverage.partial, missing: s.coverage.missing, other: s.coverage.outOfPlay };
    const total = Math.max(1, s.coverage.total);
    const colour = /^#[0-9a-fA-F]{6}$/.test(s.colour) ? s.colour : '#9e9e9e';
    parts.push(`<g class="sdg-bar" data-sdg="${s.sdg}">`);
    parts.push(`<rect x="0" y="${y + 3}" width="14" height="14" fill="${colour}"/>`);
    parts.push(`<text x="20" y="${y + 15}">${escapeHtml(truncate(`SDG ${s.sdg} ${s.title}`, 27))}${s.submitted ? ' *' : ''}</text>`);
    let offset = LABEL;
    for (const seg of SEGMENTS) {
      const n = counts[seg.key];
      if (n === 0) continue;
      const w = Math.round((n / total) * BAR * 100) / 100;
      parts.push(`<rect x="${offset}" y="${y + 2}" width="${w}" height="16" fill="${seg.colour}"><title>SDG ${s.sdg}: ${n} ${escapeHtml(seg.label)}</title></rect>`);
      offset += w;
    }
    parts.push(`<text x="${LABEL + BAR + 8}" y="${y + 15}">${s.coverage.complete}/${s.coverage.total}</text>`);
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
