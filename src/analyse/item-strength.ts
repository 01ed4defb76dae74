import type { Catalogue, Metric } from '../criteria/types';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { parseLooseDate } from '../model/dates';
import type { EvidenceItem } from '../model/item';

/**
 * How an item fares against THE's point rules for its metric: the practice or policy exists (as an
 * achievement of the university), evidence is provided, evidence is public, and for policies a date
 * inside the window. Each missing part is a weakness a reviewer can act on.
 */
export interface ItemStrength {
  itemId: string;
  file: string;
  /** Share of the metric's points this item would earn, 0 to 1 (an estimate from the point rules). */
  share: number;
  weaknesses: string[];
  errors: number;
}

export function assessItem(
  item: EvidenceItem,
  file: string,
  metric: Metric,
  catalogue: Catalogue,
  resolvedFiles: string[],
  diagnostics: Diagnostic[],
): ItemStrength {
  const weaknesses: string[] = [];
  const errors = diagnostics.filter((d) => d.file === file && d.severity === 'error').length;
  const urls = Array.isArray(item.public_urls) ? item.public_urls : [];
  const isPublic = urls.length > 0 && item.confidential !== true;
  const hasEvidence = resolvedFiles.length > 0 || isPublic;

  if (metric.kind === 'numeric') {
    const values = item.values && typeof item.values === 'object' ? item.values : {};
    const missing = (metric.values ?? []).filter((v) => v.required && !(v.name in values)).map((v) => v.name);
    if (missing.length > 0) weaknesses.push(`named values missing: ${missing.join(', ')}`);
    if (!hasEvidence) weaknesses.push('no source document or URL for the figures');
    if (errors > 0) weaknesses.push(`${errors} error(s) to fix`);
    const share = errors > 0 || missing.length > 0 ? 0 : 1;
    return { itemId: String(item.id), file, share, weaknesses, errors };
  }

  let existence = 1;
  if (item.progress === 'planned' || item.progress === 'postponed') {
    existence = 0;
    weaknesses.push(`${item.progress}, not yet achieved`);
  } else if (item.progress === 'in_progress') {
    existence = 0.5;
    weaknesses.push('still in progress');
  }
  if (item.carried_out_by && item.carried_out_by !== 'university') {
    existence = Math.min(existence, 0.5);
    weaknesses.push(`carried out by the ${item.carried_out_by.replace(/_/g, ' ')}, not the university as a body`);
  }
  const evidence = hasEvidence ? 1 : 0;
  const publicPoint = isPublic ? 1 : 0;
  if (!hasEvidence) weaknesses.push('no supporting file or public URL');
  else if (!isPublic) weaknesses.push(item.confidential === true ? 'confidential, so not public' : 'no public URL');
  const missingDocs = Array.isArray(item.missing_documents) ? item.missing_documents.length : 0;
  if (missingDocs > 0) weaknesses.push(`${missingDocs} document(s) named but not provided`);

  let datePoint = 0;
  let max = 3;
  if (metric.kind === 'policy') {
    max = 4;
    const { from, to } = catalogue.windows.policyWindow;
    const years = [item.policy?.created, item.policy?.last_reviewed]
      .map((d) => parseLooseDate(d))
      .flatMap((d) => (d.kind === 'date' ? [d.value.year] : []));
    if (years.some((y) => y >= from && y <= to)) datePoint = 1;
    else if (years.length === 0) weaknesses.push('policy dates unknown');
    else weaknesses.push(`policy not created or reviewed in ${from}-${to}`);
  }
  if (errors > 0) weaknesses.push(`${errors} error(s) to fix`);
  const earned = errors > 0 ? 0 : existence + evidence + publicPoint + datePoint;
  return { itemId: String(item.id), file, share: earned / max, weaknesses, errors };
}
