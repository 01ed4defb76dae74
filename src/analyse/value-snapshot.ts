import type { ResolvedConfig } from '../model/config';
import type { ParsedItem } from '../parse/item';

/** One figure an item gives under `values`. */
export interface SnapshotValue {
  metric: string;
  itemId: string;
  name: string;
  value: number;
  unit: string;
}

/**
 * The figures of a pack at one moment: institution facts and the numeric values items give. A baseline
 * records one, and a previous year's pack yields one, so that this year's figures can be compared with them.
 */
export interface ValueSnapshot {
  facts: Record<string, { value: number; unit: string }>;
  values: SnapshotValue[];
}

/** The figures of a pack, in a fixed order (metric, item, name) so that a recorded baseline is stable. */
export function valueSnapshot(config: Pick<ResolvedConfig, 'facts'>, items: ParsedItem[]): ValueSnapshot {
  const facts: ValueSnapshot['facts'] = {};
  for (const name of Object.keys(config.facts ?? {}).sort()) {
    const fact = config.facts?.[name];
    if (fact && typeof fact.value === 'number' && Number.isFinite(fact.value)) facts[name] = { value: fact.value, unit: String(fact.unit ?? '') };
  }
  const values: SnapshotValue[] = [];
  for (const p of items) {
    const { item } = p;
    if (typeof item.metric !== 'string' || !item.values || typeof item.values !== 'object') continue;
    for (const [name, v] of Object.entries(item.values)) {
      if (!v || typeof v !== 'object' || typeof v.value !== 'number' || !Number.isFinite(v.value)) continue;
      values.push({ metric: item.metric, itemId: String(item.id), name, value: v.value, unit: String(v.unit ?? '') });
    }
  }
  values.sort((a, b) => cmp(a.metric, b.metric) || cmp(a.itemId, b.itemId) || cmp(a.name, b.name));
  return { facts, values };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
