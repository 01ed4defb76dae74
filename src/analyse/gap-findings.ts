import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import type { ParsedItem } from '../parse/item';
import { locate, type YamlSource } from '../parse/yaml-source';
import type { MetricGap } from './metric-gap';

/**
 * The gaps of the submitted SDGs as findings with a file, line and column, so that code scanning and CI
 * annotations can show them: a partial metric at the field of its best item that loses the most points,
 * a missing metric at `submit` in impact-pack.yaml (the SDG is submitted, yet nothing answers the metric).
 */
export function gapFindings(
  sdgs: { sdg: number; submitted: boolean; metrics: MetricGap[] }[],
  items: ParsedItem[],
  configSource?: YamlSource,
): Diagnostic[] {
  const byId = new Map(items.map((p) => [String(p.item.id), p]));
  const out: Diagnostic[] = [];
  const submitAt = configSource ? locate(configSource, ['submit']) : { line: 1, column: 1 };
  for (const s of sdgs) {
    if (!s.submitted) continue;
    for (const m of s.metrics) {
      const weight = m.weight === null ? 'weight unknown' : `weight ${m.weight}%`;
      if (m.status === 'missing') {
        out.push(
          diagnostic('METRIC_MISSING', `SDG ${s.sdg} is submitted, but nothing answers metric ${m.metric} "${m.title}" (${weight}).`, { file: 'impact-pack.yaml', ...submitAt }, { sdg: s.sdg, metric: m.metric }),
        );
        continue;
      }
      if (m.status !== 'partial' || !m.bestItem) continue;
      const p = byId.get(m.bestItem);
      if (!p) continue;
      const worst = [...m.shortfalls].sort((a, b) => b.points - a.points)[0];
      const pos = worst ? locate(p.source, worst.path) : { line: 1, column: 1 };
      const steps = m.shortfalls.filter((x) => x.points > 0).map((x) => x.step);
      out.push(
        diagnostic(
          'METRIC_PARTIAL',
          m.kind === 'numeric'
            ? // Numeric metrics are normalised by THE: what they lack is said, never a share of points.
              `Numeric metric ${m.metric} (${weight}; its points are not estimable) lacks: ${m.weaknesses.join('; ')}.${steps.length > 0 ? ` Next: ${steps.join('; ')}.` : ''}`
            : `Metric ${m.metric} earns about ${Math.round(m.share * 100)} % of its points (${weight}): ${m.weaknesses.join('; ')}.${steps.length > 0 ? ` Next: ${steps.join('; ')}.` : ''}`,
          { file: p.file, ...pos },
          { sdg: s.sdg, metric: m.metric, itemId: m.bestItem },
        ),
      );
    }
  }
  return out;
}
