import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import type { ParsedItem } from '../parse/item';
import { locate, type YamlSource } from '../parse/yaml-source';
import type { SnapshotValue, ValueSnapshot } from './value-snapshot';

/** Share of change above which a figure is flagged for review, unless the caller sets another. */
export const DEFAULT_OUTLIER_SHARE = 0.25;

/** A figure that moved by more than the allowed share since the previous year's pack or the baseline. */
export interface ValueOutlier {
  /** 'fact' for impact-pack.yaml's facts; 'value' for an item's `values`. */
  scope: 'fact' | 'value';
  name: string;
  metric?: string;
  itemId?: string;
  previous: number;
  current: number;
  /** Relative change, (current - previous) / |previous|; null when the previous value was 0. */
  change: number | null;
  file: string;
  line: number;
  column: number;
}

export interface OutlierOptions {
  /** Relative change above which a figure is flagged, e.g. 0.25 for 25 %. */
  share: number;
  /** What the figures are compared with, for the messages: "the baseline", "the previous pack". */
  against: string;
  /** impact-pack.yaml, parsed, to point at the facts; without it, fact findings point at line 1. */
  configSource?: YamlSource;
}

/**
 * Compares this year's figures with an earlier snapshot. A value is matched by item id and name first
 * (the same item kept across years), then by metric and name when each side has exactly one such value
 * (item ids often carry the year). Pure.
 */
export function findValueOutliers(
  current: ValueSnapshot,
  previous: ValueSnapshot,
  items: ParsedItem[],
  options: OutlierOptions,
): { value: ValueOutlier[]; diagnostics: Diagnostic[] } {
  const outliers: ValueOutlier[] = [];
  const diagnostics: Diagnostic[] = [];
  const percent = `${Math.round(options.share * 1000) / 10} %`;

  for (const [name, fact] of Object.entries(current.facts)) {
    const before = previous.facts[name];
    if (!before || !movedTooMuch(before.value, fact.value, options.share)) continue;
    const pos = options.configSource ? locate(options.configSource, ['facts', name, 'value']) : { line: 1, column: 1 };
    const o: ValueOutlier = { scope: 'fact', name, previous: before.value, current: fact.value, change: change(before.value, fact.value), file: 'impact-pack.yaml', line: pos.line, column: pos.column };
    outliers.push(o);
    diagnostics.push(diagnostic('VALUE_OUTLIER', `Fact ${name} moved from ${before.value} to ${fact.value} (${changeText(o.change)}) since ${options.against}, more than ${percent}.`, { file: o.file, ...pos }));
  }

  const byItem = new Map(items.map((p) => [String(p.item.id), p]));
  const keyOf = (v: SnapshotValue) => `${v.metric}\u0000${v.name}`;
  const count = (list: SnapshotValue[]) => {
    const m = new Map<string, number>();
    for (const v of list) m.set(keyOf(v), (m.get(keyOf(v)) ?? 0) + 1);
    return m;
  };
  const currentCounts = count(current.values);
  const previousCounts = count(previous.values);
  for (const v of current.values) {
    const before =
      previous.values.find((b) => b.itemId === v.itemId && b.name === v.name) ??
      (currentCounts.get(keyOf(v)) === 1 && previousCounts.get(keyOf(v)) === 1 ? previous.values.find((b) => keyOf(b) === keyOf(v)) : undefined);
    if (!before || !movedTooMuch(before.value, v.value, options.share)) continue;
    const p = byItem.get(v.itemId);
    const pos = p ? locate(p.source, ['values', v.name, 'value']) : { line: 1, column: 1 };
    const o: ValueOutlier = {
      scope: 'value',
      name: v.name,
      metric: v.metric,
      itemId: v.itemId,
      previous: before.value,
      current: v.value,
      change: change(before.value, v.value),
      file: p?.file ?? '',
      line: pos.line,
      column: pos.column,
    };
    outliers.push(o);
    diagnostics.push(
      diagnostic(
        'VALUE_OUTLIER',
        `${v.name} of metric ${v.metric} moved from ${before.value} to ${v.value} (${changeText(o.change)}) since ${options.against}, more than ${percent}.`,
        { file: o.file, ...pos },
        { itemId: v.itemId, metric: v.metric, sdg: p && typeof p.item.sdg === 'number' ? p.item.sdg : undefined },
      ),
    );
  }
  return { value: outliers, diagnostics };
}

function movedTooMuch(before: number, now: number, share: number): boolean {
  if (before === now) return false;
  if (before === 0) return true;
  return Math.abs(now - before) / Math.abs(before) > share;
}

function change(before: number, now: number): number | null {
  return before === 0 ? null : Math.round(((now - before) / Math.abs(before)) * 10000) / 10000;
}

function changeText(c: number | null): string {
  if (c === null) return 'from zero';
  const pct = Math.round(c * 1000) / 10;
  return `${pct > 0 ? '+' : ''}${pct} %`;
}
