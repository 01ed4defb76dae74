import type { Catalogue, Metric, MetricGroup, PointRule, QuestionType, Sdg } from './types';

/**
 * Queries over a loaded catalogue. The indexes are built on first use and kept per catalogue object,
 * so repeated lookups (one per evidence item) cost a map access.
 */

interface CatalogueIndex {
  metrics: Metric[];
  metricsById: Map<string, Metric>;
  groupsById: Map<string, MetricGroup>;
  sdgsByNumber: Map<number, Sdg>;
}

const indexes = new WeakMap<Catalogue, CatalogueIndex>();

function indexOf(cat: Catalogue): CatalogueIndex {
  let index = indexes.get(cat);
  if (!index) {
    const metrics = cat.sdgs.flatMap((sdg) => sdg.groups.flatMap((group) => group.metrics));
    index = {
      metrics,
      metricsById: new Map(metrics.map((m) => [m.id, m])),
      groupsById: new Map(cat.sdgs.flatMap((sdg) => sdg.groups).map((g) => [g.id, g])),
      sdgsByNumber: new Map(cat.sdgs.map((sdg) => [sdg.number, sdg])),
    };
    indexes.set(cat, index);
  }
  return index;
}

export function findMetric(cat: Catalogue, id: string): Metric | undefined {
  return indexOf(cat).metricsById.get(id);
}

export function findGroup(cat: Catalogue, id: string): MetricGroup | undefined {
  return indexOf(cat).groupsById.get(id);
}

export function sdgOf(cat: Catalogue, n: number): Sdg | undefined {
  return indexOf(cat).sdgsByNumber.get(n);
}

/** The metrics of one SDG in catalogue order; empty for an SDG the catalogue lacks. */
export function metricsOfSdg(cat: Catalogue, sdg: number): Metric[] {
  return sdgOf(cat, sdg)?.groups.flatMap((group) => group.metrics) ?? [];
}

/** Every metric in catalogue order: SDG by SDG, then group order, then metric order as written in the file. */
export function allMetrics(cat: Catalogue): Metric[] {
  return [...indexOf(cat).metrics];
}

export function pointRuleFor(cat: Catalogue, questionType: QuestionType): PointRule | undefined {
  return cat.pointRules.find((rule) => rule.questionType === questionType);
}
