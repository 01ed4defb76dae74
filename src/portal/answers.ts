/**
 * What a coordinator types into THE's portal, indicator by indicator, computed from the loaded pack. Pure: no
 * files are read or written here (the build copies the files to upload and writes the views, see portal-files.ts).
 *
 * THE's portal asks, per indicator, for a statement (Yes/No, an option or a value), one piece of evidence (a URL,
 * or an uploaded file with a description) and whether it is public (ratings-2026-2027 research notes, §4). Which
 * items go to THE is decided once, in analyse/submitted-evidence.ts, so the portal and the submission documents
 * always agree. THE publishes no length limit for the description that we could find: the limit is the pack's
 * setting `portal.description_max_chars`, and its default is impact-pack's choice, not THE's.
 */
import { submissionChoice } from '../analyse/submitted-evidence';
import type { Catalogue, Metric } from '../criteria/types';
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic';
import { diagnostic } from '../diagnostics/make';
import type { EvidenceItem, PublicUrl } from '../model/item';
import type { ParsedItem } from '../parse/item';
import { locate } from '../parse/yaml-source';
import type { LoadedPack } from '../pipeline/load-pack';
import { answerTitle, formatNumber } from '../render/view-model';

/** Version of the JSON shape of portal/answers.json, documented in docs/submission.md. */
export const PORTAL_ANSWERS_SCHEMA_VERSION = 1;

/** impact-pack's default limit for a description (characters), used when the pack config sets none. Not THE's figure. */
export const DEFAULT_DESCRIPTION_MAX_CHARS = 2000;

/** Where the files to upload go, relative to the output folder. */
export const PORTAL_FOLDER = 'portal';

export interface PortalAnswers {
  schemaVersion: typeof PORTAL_ANSWERS_SCHEMA_VERSION;
  institution: string;
  edition: string;
  dataYear: number;
  /** From the catalogue: how many pieces of evidence an indicator takes (null: several, number unknown). */
  evidencePerIndicator: number | null;
  /** Whether an uploaded file earns the public point in this edition (false where the catalogue does not say). */
  attachmentCountsAsPublic: boolean;
  descriptionMaxChars: number;
  /** The language the narratives are written in (`languages.evidence`); THE's portal takes English. */
  descriptionLanguage: string;
  /** The SDGs that have evidence, in number order; indicators in THE's order. */
  sdgs: PortalSdg[];
}

export interface PortalSdg {
  sdg: number;
  title: string;
  /** Whether the pack config lists the SDG under `submit`. */
  submitted: boolean;
  indicators: PortalIndicator[];
}

export interface PortalIndicator {
  /** THE's reference, e.g. "6.2.1". */
  indicator: string;
  title: string;
  /** "yes_no", "options", "value": what kind of statement the portal takes. */
  statementKind: 'yes_no' | 'options' | 'value';
  /** What to type as the statement: "Yes", "No", the option(s), or the values with unit and basis. */
  statement: string;
  /** THE asks but does not score this indicator in the edition. */
  notScored: boolean;
  evidence: PortalEvidence[];
  /** Items of the pack that do not go to THE for this indicator, and why (the office's information). */
  leftOut: { itemId: string; reason: string }[];
}

export interface PortalEvidence {
  itemId: string;
  /** The evidence file in the pack (for the office to find it). */
  itemFile: string;
  title: string;
  /** The public page to give, when the item has one. */
  url?: string;
  /** Otherwise the file to upload: where it is in the pack, and its stable name under the output folder. */
  upload?: { from: string; name: string };
  /** Whether THE counts this evidence as public: a web page yes; an uploaded file only where the edition says so. */
  public: boolean;
  /** Policy creation and last-review years, where the item is a policy and the year is known. */
  policyCreated?: string;
  policyReviewed?: string;
  /** The English description (the item's narrative), whitespace tidied. */
  description: string;
  /** Its length in characters, and whether that is over the limit. */
  descriptionLength: number;
  overLimit: boolean;
}

export interface PortalOptions {
  descriptionMaxChars?: number;
}

/** Answers for every SDG that has items, from the loaded pack; an over-long description is a warning on its item. */
export function portalAnswers(pack: LoadedPack, options: PortalOptions = {}): StageResult<PortalAnswers> {
  const { catalogue, settings } = pack;
  const limit = options.descriptionMaxChars ?? settings.config.portal?.description_max_chars ?? DEFAULT_DESCRIPTION_MAX_CHARS;
  const diagnostics: Diagnostic[] = [];
  const parsedOf = new Map(pack.items.map((p) => [p.item, p]));
  const items = pack.items.map((p) => p.item).filter((it) => typeof it.metric === 'string' && typeof it.sdg === 'number');
  const choice = submissionChoice(catalogue, items);
  const attachmentCountsAsPublic = catalogue.evidence?.attachmentCountsAsPublic === true;

  const sdgs: PortalSdg[] = [];
  for (const sdg of catalogue.sdgs) {
    const mine = items.filter((it) => it.sdg === sdg.number).sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
    if (mine.length === 0) continue;
    const indicators: PortalIndicator[] = [];
    for (const metric of sdg.groups.flatMap((g) => g.metrics)) {
      // THE computes the bibliometric indicators itself; nothing is typed for them.
      if (metric.kind === 'bibliometric') continue;
      const forMetric = mine.filter((it) => it.metric === metric.id);
      const shown = forMetric.filter((it) => choice.shown.has(it));
      const evidence = shown.map((it) => {
        const parsed = parsedOf.get(it)!;
        const answer = evidenceOf(parsed, metric, pack, attachmentCountsAsPublic, limit);
        if (answer.overLimit) {
          diagnostics.push(
            diagnostic(
              'PORTAL_DESCRIPTION_TOO_LONG',
              `The portal description of ${metric.id} (this item's narrative) is ${answer.descriptionLength} characters; the limit is ${limit}.`,
              { file: parsed.file, ...locate(parsed.source, ['narrative']) },
              { sdg: sdg.number, metric: metric.id, itemId: String(it.id) },
            ),
          );
        }
        return answer;
      });
      indicators.push({
        indicator: metric.id,
        title: metric.title,
        statementKind: statementKind(metric),
        statement: statement(metric, shown, catalogue),
        notScored: metric.notScored === true,
        evidence,
        leftOut: forMetric.filter((it) => choice.leftOut.has(it)).map((it) => ({ itemId: String(it.id), reason: choice.leftOut.get(it)! })),
      });
    }
    sdgs.push({ sdg: sdg.number, title: sdg.title, submitted: settings.config.submit.includes(sdg.number), indicators });
  }
  return {
    value: {
      schemaVersion: PORTAL_ANSWERS_SCHEMA_VERSION,
      institution: settings.config.institution.name,
      edition: catalogue.edition,
      dataYear: catalogue.windows.dataYear,
      evidencePerIndicator: catalogue.evidence?.perIndicator ?? null,
      attachmentCountsAsPublic,
      descriptionMaxChars: limit,
      descriptionLanguage: settings.config.languages.evidence,
      sdgs,
    },
    diagnostics,
  };
}

function statementKind(metric: Metric): PortalIndicator['statementKind'] {
  if (metric.kind === 'numeric') return 'value';
  if (metric.options && metric.options.length > 0) return 'options';
  return 'yes_no';
}

/** THE credits what exists or happened: plans and postponed activities do not make a Yes. */
const COUNTS_AS_DONE = (it: EvidenceItem): boolean => it.progress === undefined || it.progress === 'achieved' || it.progress === 'in_progress';

function statement(metric: Metric, shown: EvidenceItem[], catalogue: Catalogue): string {
  switch (statementKind(metric)) {
    case 'value':
      return shown.map((it) => valuesText(metric, it)).filter(Boolean).join(' | ');
    case 'options':
      return [...new Set(shown.filter((it) => it.answer !== undefined).map((it) => answerTitle(catalogue, it)))].join('; ');
    default:
      return shown.some(COUNTS_AS_DONE) ? 'Yes' : 'No';
  }
}

/** "Number of students: 6,000 people (FTE); …", in the catalogue's order of the metric's named values. */
function valuesText(metric: Metric, it: EvidenceItem): string {
  const values = it.values ?? {};
  const names = metric.values?.map((v) => v.name) ?? Object.keys(values).sort();
  return names
    .filter((name) => values[name] && typeof values[name].value === 'number')
    .map((name) => {
      const v = values[name];
      const title = metric.values?.find((n) => n.name === name)?.title ?? name;
      const basis = v.basis === 'fte' ? ' (FTE)' : v.basis === 'headcount' ? ' (headcount)' : '';
      return `${title}: ${formatNumber(v.value)} ${v.unit}${basis}`;
    })
    .join('; ');
}

function evidenceOf(parsed: ParsedItem, metric: Metric, pack: LoadedPack, attachmentCountsAsPublic: boolean, limit: number): PortalEvidence {
  const it = parsed.item;
  const firstUrl = (it.public_urls ?? []).map((u) => (typeof u === 'string' ? u : (u as PublicUrl).url)).find((u) => typeof u === 'string');
  const fileByPath = new Map(pack.files.files.map((f) => [f.path, f]));
  const firstFile = (pack.files.byItem.get(String(it.id)) ?? []).find((p) => fileByPath.has(p));
  const description = descriptionOf(it);
  const length = [...description].length;
  const year = (date: unknown): string | undefined => (typeof date === 'string' || typeof date === 'number' ? /^\d{4}/.exec(String(date))?.[0] : undefined);
  const created = year(it.policy?.created);
  const reviewed = year(it.policy?.last_reviewed);
  return {
    itemId: String(it.id),
    itemFile: parsed.file,
    title: String(it.title ?? ''),
    ...(firstUrl ? { url: firstUrl } : firstFile ? { upload: { from: firstFile, name: uploadName(it, metric, firstFile) } } : {}),
    public: firstUrl !== undefined || (firstFile !== undefined && attachmentCountsAsPublic),
    ...(created ? { policyCreated: created } : {}),
    ...(reviewed ? { policyReviewed: reviewed } : {}),
    description,
    descriptionLength: length,
    overLimit: length > limit,
  };
}

/** The narrative as one text box takes it: paragraphs kept, the line breaks of YAML folding removed. */
function descriptionOf(it: EvidenceItem): string {
  return String(it.narrative ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}

/**
 * portal/sdg-06/6.2.1-<item-id>.pdf: the same name on every build, sorted by indicator, and telling which item it is.
 * Item ids are lowercase letters, digits and hyphens by the schema; anything else is replaced all the same, as
 * the name must never leave the output folder.
 */
export function uploadName(it: EvidenceItem, metric: Metric, file: string): string {
  const safe = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  const dot = file.lastIndexOf('.');
  const extension = dot > file.lastIndexOf('/') ? safe(file.slice(dot + 1).toLowerCase()) : '';
  const sdg = `sdg-${String(metric.sdg).padStart(2, '0')}`;
  return `${PORTAL_FOLDER}/${sdg}/${safe(metric.id)}-${safe(String(it.id)) || 'item'}${extension ? `.${extension}` : ''}`;
}
