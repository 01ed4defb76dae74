import type { Diagnostic } from '../diagnostics/diagnostic';
import { locate, type DataPath, type YamlSource } from '../parse/yaml-source';
import { componentId, type CatalogueFile } from './catalogue-file';
import { inconsistency } from './catalogue-diagnostic';

/**
 * Rules a JSON Schema cannot state, checked on a catalogue file that already passed the schema.
 * The lookup functions and every later stage rely on them: ids are unique and start with their SDG and
 * group number, each SDG appears once, cited sources are declared, and each question is scored by exactly one
 * point rule whose components add up to the question's maximum, each component saying (or placed to say) what
 * it is for. Multi-select answers cannot together earn more than the statement point; a question THE does not
 * score carries no weight.
 */
export function checkCatalogueConsistency(file: CatalogueFile, source: YamlSource, expectedEdition: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (message: string, at: DataPath, where: 'value' | 'key' = 'value'): void => {
    out.push(inconsistency(message, source.file, locate(source, at, where)));
  };

  if (file.edition !== expectedEdition) {
    report(`The file is named for edition ${expectedEdition} but declares edition "${file.edition}".`, ['edition']);
  }
  if (file.policy_window.from > file.policy_window.to) {
    report(`The policy window starts (${file.policy_window.from}) after it ends (${file.policy_window.to}).`, ['policy_window']);
  }

  const declared = new Set(Object.keys(file.sources));
  const checkSources = (keys: string[], at: DataPath, owner: string): void => {
    keys.forEach((key, i) => {
      if (!declared.has(key)) report(`${owner} cites source "${key}", which the catalogue's sources list does not declare.`, [...at, i]);
    });
  };
  checkSources(file.overall.sources, ['overall', 'sources'], 'The overall rules');
  if (file.product) checkSources(file.product.sources, ['product', 'sources'], 'The product name');
  if (file.results) checkSources(file.results.sources, ['results', 'sources'], 'The results presentation');
  if (file.evidence) checkSources(file.evidence.sources, ['evidence', 'sources'], 'The evidence rules');
  if (file.policy_window.sources) checkSources(file.policy_window.sources, ['policy_window', 'sources'], 'The policy window');
  if (file.results && file.results.presentation === 'rank' && (file.results.bands ?? []).length > 0) {
    report('The results are presented as ranks only, yet bands are listed.', ['results', 'bands']);
  }
  checkUnique((file.heuristics ?? []).map((h) => h.id), (id, i) => report(`Heuristic "${id}" is listed twice.`, ['heuristics', i, 'id']));

  const rules = new Map<string, CatalogueFile['point_rules'][number]>();
  file.point_rules.forEach((rule, i) => {
    const at = ['point_rules', i];
    if (rules.has(rule.question_type)) report(`Question type "${rule.question_type}" has more than one point rule.`, [...at, 'question_type']);
    rules.set(rule.question_type, rule);
    const sum = rule.components.reduce((total, c) => total + c.points, 0);
    if (!nearlyEqual(sum, rule.max_points)) {
      report(`The components of the "${rule.question_type}" rule add up to ${sum} points, not its maximum of ${rule.max_points}.`, [...at, 'components']);
    }
    if (rule.cap !== undefined && !nearlyEqual(rule.cap, rule.max_points)) {
      report(`The "${rule.question_type}" rule caps its total at ${rule.cap}, not at the indicator's maximum of ${rule.max_points}.`, [...at, 'cap']);
    }
    const ids = rule.components.map((c, i) => componentId(rule.question_type, c, i));
    ids.forEach((id, c) => {
      if (id === undefined) {
        report(`Component ${c + 1} of the "${rule.question_type}" rule needs an id: its position does not say what it is for.`, [...at, 'components', c]);
      }
      if (rule.components[c]?.grades && id !== 'evidence') {
        report(`Only the evidence component is graded by relevance; component "${id ?? c + 1}" of the "${rule.question_type}" rule has grades.`, [...at, 'components', c, 'grades']);
      }
    });
    checkUnique(
      ids.filter((id): id is NonNullable<typeof id> => id !== undefined),
      (id) => report(`The "${rule.question_type}" rule has more than one "${id}" component.`, [...at, 'components']),
    );
    checkSources(rule.sources, [...at, 'sources'], `The "${rule.question_type}" point rule`);
  });

  const seenSdgs = new Set<number>();
  const seenIds = new Map<string, string>();
  const claimId = (id: string, what: string, at: DataPath): void => {
    const earlier = seenIds.get(id);
    if (earlier) report(`Id "${id}" of this ${what} is already used by a ${earlier}.`, at);
    else seenIds.set(id, what);
  };

  file.sdgs.forEach((sdg, s) => {
    if (seenSdgs.has(sdg.number)) report(`SDG ${sdg.number} appears more than once.`, ['sdgs', s, 'number']);
    seenSdgs.add(sdg.number);
    sdg.groups.forEach((group, g) => {
      const groupAt = ['sdgs', s, 'groups', g];
      claimId(group.id, 'group', [...groupAt, 'id']);
      if (!group.id.startsWith(`${sdg.number}.`)) {
        report(`Group ${group.id} is filed under SDG ${sdg.number}; its id must start with "${sdg.number}.".`, [...groupAt, 'id']);
      }
      checkSources(group.sources, [...groupAt, 'sources'], `Group ${group.id}`);
      group.metrics.forEach((metric, m) => {
        const at = [...groupAt, 'metrics', m];
        claimId(metric.id, 'metric', [...at, 'id']);
        if (!metric.id.startsWith(`${group.id}.`)) {
          report(`Metric ${metric.id} is filed under group ${group.id}; its id must start with "${group.id}.".`, [...at, 'id']);
        }
        checkSources(metric.sources, [...at, 'sources'], `Metric ${metric.id}`);
        checkUnique((metric.values ?? []).map((v) => v.name), (name, i) =>
          report(`Metric ${metric.id} names the value "${name}" twice.`, [...at, 'values', i, 'name']),
        );
        checkUnique((metric.options ?? []).map((o) => o.id), (id, i) =>
          report(`Metric ${metric.id} lists the answer "${id}" twice.`, [...at, 'options', i, 'id']),
        );
        if (metric.multi_select) {
          const together = (metric.options ?? []).reduce((total, o) => total + (o.points ?? 0), 0);
          const statement = statementPoints(rules.get(metric.question_type ?? ''));
          if (statement !== undefined && together > statement + 0.011) {
            report(`The answers of multi-select metric ${metric.id} earn ${together} points together, more than the statement's ${statement}.`, [...at, 'options']);
          }
        }
        if (metric.not_scored && metric.weight !== null && metric.weight !== 0) {
          report(`Metric ${metric.id} is not scored in this edition but has the weight ${metric.weight}.`, [...at, 'weight']);
        }
        if (metric.question_type !== undefined) {
          const rule = rules.get(metric.question_type);
          if (!rule) {
            report(`Metric ${metric.id} is a "${metric.question_type}" question, but no point rule scores that type.`, [...at, 'question_type']);
          } else if (metric.max_points !== undefined && !nearlyEqual(metric.max_points, rule.max_points)) {
            report(
              `Metric ${metric.id} gives ${metric.max_points} points at most, but the "${metric.question_type}" rule gives ${rule.max_points}.`,
              [...at, 'max_points'],
            );
          }
        }
      });
    });
  });

  const missing = Array.from({ length: 17 }, (_, i) => i + 1).filter((n) => !seenSdgs.has(n));
  if (missing.length > 0) report(`The catalogue lacks SDG ${missing.join(', ')}; it must describe all 17 SDGs.`, ['sdgs'], 'key');
  if (!seenSdgs.has(file.overall.mandatory_sdg)) {
    report(`The mandatory SDG ${file.overall.mandatory_sdg} is not among the catalogue's SDGs.`, ['overall', 'mandatory_sdg']);
  }
  return out;
}

/** Points of a rule's statement component, where the rule has one. */
function statementPoints(rule: CatalogueFile['point_rules'][number] | undefined): number | undefined {
  if (!rule) return undefined;
  const index = rule.components.findIndex((c, i) => componentId(rule.question_type, c, i) === 'statement');
  return index >= 0 ? rule.components[index]?.points : undefined;
}

function checkUnique(names: string[], onDuplicate: (name: string, index: number) => void): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name)) onDuplicate(name, i);
    seen.add(name);
  });
}

/** Points and weights are decimals such as 0.33 or 4.6; compare them without floating-point noise. */
function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}
