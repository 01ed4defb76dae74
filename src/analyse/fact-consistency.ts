import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import { SharedBy } from '../diagnostics/shared-subject';
import type { InstitutionFact } from '../model/config';
import type { ParsedItem } from '../parse/item';
import { locate } from '../parse/yaml-source';

/** An item that states an institution-wide figure differently from the pack config's `facts`. */
export interface FactMismatch {
  fact: string;
  declared: number;
  declaredUnit: string;
  stated: number;
  statedUnit: string;
  itemId: string;
  file: string;
  sdg: number;
  metric: string;
  line: number;
  column: number;
}

/**
 * Institution-wide facts (FTE students, staff headcount, campus population, floor area) are declared once in
 * impact-pack.yaml; an item giving a value under the same name must give the same number, or THE sees two
 * different universities in one submission. Pure: returns the mismatches and one warning for each.
 */
export function checkFactConsistency(
  facts: Record<string, InstitutionFact> | undefined,
  items: ParsedItem[],
): { value: FactMismatch[]; diagnostics: Diagnostic[] } {
  const mismatches: FactMismatch[] = [];
  const diagnostics: Diagnostic[] = [];
  /** The item's SDG and metric as written, for the diagnostic (the mismatch record keeps them as text). */
  const where = new Map<FactMismatch, { sdg?: number; metric?: string }>();
  if (!facts) return { value: mismatches, diagnostics };
  for (const p of items) {
    const { item } = p;
    if (!item.values || typeof item.values !== 'object') continue;
    for (const [name, v] of Object.entries(item.values)) {
      const fact = facts[name];
      if (!fact || typeof fact.value !== 'number' || !v || typeof v !== 'object' || typeof v.value !== 'number') continue;
      if (sameNumber(fact.value, v.value)) continue;
      const pos = locate(p.source, ['values', name, 'value']);
      const m: FactMismatch = {
        fact: name,
        declared: fact.value,
        declaredUnit: String(fact.unit ?? ''),
        stated: v.value,
        statedUnit: String(v.unit ?? ''),
        itemId: String(item.id),
        file: p.file,
        sdg: Number(item.sdg),
        metric: String(item.metric),
        line: pos.line,
        column: pos.column,
      };
      mismatches.push(m);
      where.set(m, { sdg: typeof item.sdg === 'number' ? item.sdg : undefined, metric: typeof item.metric === 'string' ? item.metric : undefined });
    }
  }
  // One diagnostic on every item that contradicts a fact, naming the others that do (src/diagnostics/shared-subject.ts).
  const sharers = new Map<string, SharedBy>();
  for (const name of new Set(mismatches.map((m) => m.fact))) sharers.set(name, new SharedBy(mismatches.filter((m) => m.fact === name).map((m) => m.itemId)));
  for (const m of mismatches) {
    const fact = facts[m.fact];
    const others = sharers.get(m.fact)!.othersThan(m.itemId, 'Other items that differ from it');
    diagnostics.push(
      diagnostic(
        'FACT_MISMATCH',
        `${m.fact} is ${m.stated}${unitText(m.statedUnit)} here, but impact-pack.yaml declares ${fact.value}${unitText(fact.unit)} for the institution.${others}`,
        { file: m.file, line: m.line, column: m.column },
        { itemId: m.itemId, ...where.get(m) },
      ),
    );
  }
  return { value: mismatches, diagnostics };
}

/** Equal up to floating-point noise (values typed in YAML and sums computed from them). */
function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function unitText(unit: unknown): string {
  return typeof unit === 'string' && unit !== '' ? ` ${unit}` : '';
}
