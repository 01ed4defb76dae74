import type { Catalogue, Metric } from '../criteria/types';
import { baseItemProperties, ITEM_REQUIRED, SCHEMA_BASE_URL } from './item-base';

/**
 * The item schema for one edition: the base schema plus, generated from the catalogue,
 * the list of metric ids (editors offer them as completions) and per-metric requirements:
 * a numeric metric requires its named values, a policy question requires its dates,
 * an options question restricts `answer` to its options.
 */
export function itemSchemaForEdition(cat: Catalogue): Record<string, unknown> {
  const metrics = cat.sdgs.flatMap((s) => s.groups.flatMap((g) => g.metrics));
  const properties = baseItemProperties();
  const submittable = metrics.filter((m) => m.kind !== 'bibliometric');
  properties.metric = {
    ...(properties.metric as object),
    enum: submittable.map((m) => m.id),
  };
  const requirements = submittable.flatMap((m) => requirementFor(m));
  const schema: Record<string, unknown> = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${SCHEMA_BASE_URL}/evidence-item.${cat.edition}.schema.json`,
    title: `impact-pack evidence item, ${cat.title}`,
    description: `One piece of evidence for a metric of ${cat.title} (data year ${cat.windows.dataYear}). See docs/evidence-format.md.`,
    type: 'object',
    additionalProperties: false,
    required: ITEM_REQUIRED,
    properties,
  };
  if (requirements.length > 0) schema.allOf = requirements;
  return schema;
}

function requirementFor(m: Metric): Record<string, unknown>[] {
  const when = { properties: { metric: { const: m.id } }, required: ['metric'] };
  const out: Record<string, unknown>[] = [];
  const required = (m.values ?? []).filter((v) => v.required).map((v) => v.name);
  if (m.kind === 'numeric' && required.length > 0) {
    out.push({
      $comment: `${m.id} ${m.title}: named values`,
      if: when,
      then: { required: ['values'], properties: { values: { required } } },
    });
  }
  if (m.kind === 'policy') {
    out.push({ $comment: `${m.id} ${m.title}: policy dates`, if: when, then: { required: ['policy'] } });
  }
  if (m.options && m.options.length > 0) {
    // A single answer must be one of the options; so must each entry of a list. Whether a list is allowed at
    // all (multi-select questions only) is the answer-is-option check's to say, with a clearer message than
    // a schema type error would give.
    const ids = m.options.map((o) => o.id);
    out.push({
      $comment: `${m.id} ${m.title}: answer options${m.multiSelect ? ' (several may be chosen)' : ''}`,
      if: when,
      then: { properties: { answer: { items: { enum: ids }, if: { type: 'string' }, then: { enum: ids } } } },
    });
  }
  return out;
}
