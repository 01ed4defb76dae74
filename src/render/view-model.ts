import type { GapReport } from '../analyse/gaps';
import { submissionChoice, type SubmissionChoice } from '../analyse/submitted-evidence';
import type { Catalogue, Metric } from '../criteria/types';
import type { SupportingFile } from '../files/resolve';
import { isoDay } from '../model/dates';
import type { EvidenceItem, PublicUrl } from '../model/item';
import type { LoadedPack } from '../pipeline/load-pack';
import { LOGO_IMAGE } from './assets/image-names';
import type { DocumentImages } from './templates/render';
import type { Audience, FileView, InternalItemView, ItemView, MetricGapView, MetricView, SdgDocumentView, UrlView } from './view';

export const GENERATOR = 'impact-pack';

const KIND_LABEL: Record<Metric['kind'], string> = {
  bibliometric: 'Bibliometric (computed by THE from Scopus)',
  numeric: 'Numeric data',
  evidence: 'Evidence question',
  policy: 'Policy question',
};

/** What every page of a review edition says, so that a printed page can never pass for the submission. */
export const REVIEW_MARKING = 'DRAFT: review edition for the office, not for submission';
/** What every page says when a build renders on purpose despite errors (build --draft). */
export const DRAFT_MARKING = 'DRAFT: built with --draft, not for submission';
const REVIEW_DRAFT_MARKING = 'DRAFT: review edition built with --draft, not for submission';

export interface DocumentViewOptions {
  /** Who the document is for (default: the submission to THE). */
  audience?: Audience;
  /** A draft build (build --draft): every page of every document says DRAFT. */
  draft?: boolean;
  /** The gap analysis of the same pack; the review edition shows each metric's gaps inline. */
  gaps?: GapReport;
}

/**
 * Everything one SDG document shows, as plain display-ready data. Pure.
 * The audience decides what is in the data, not the templates: the submission's view never holds an owner, a
 * status, a review note or a left-out item, so no template (not even a pack's own) can print one there.
 * @param images the images the build loaded (the logo); the view says which exist, the IR parser gets the bytes.
 */
export function sdgDocumentView(
  pack: LoadedPack,
  sdg: number,
  version: string,
  images: DocumentImages = new Map(),
  options: DocumentViewOptions = {},
): SdgDocumentView {
  const { catalogue, settings } = pack;
  const audience = options.audience ?? 'submission';
  const review = audience === 'review';
  const s = catalogue.sdgs.find((x) => x.number === sdg);
  if (!s) throw new Error(`SDG ${sdg} is not in the ${catalogue.edition} catalogue`);
  const fileByPath = new Map(pack.files.files.map((f) => [f.path, f]));
  const allItems = pack.items
    .map((p) => p.item)
    .filter((it) => it.sdg === sdg && typeof it.metric === 'string')
    .sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
  const choice = submissionChoice(catalogue, allItems);
  // The review edition lists every item (with why the submission leaves some out); the submission only those it shows.
  const items = review ? allItems : allItems.filter((it) => choice.shown.has(it));
  const gapOf = new Map((options.gaps?.sdgs.find((g) => g.sdg === sdg)?.metrics ?? []).map((m) => [m.metric, m]));

  let metricsWithEvidence = 0;
  let evidenceMetrics = 0;
  const groups = s.groups
    .map((g) => ({
      id: g.id,
      title: g.title,
      weightLabel: weightLabel(g.weight, g.weightConfirmed, g.weightBasis),
      metrics: g.metrics
        .map((m): MetricView => {
          const mine = items
            .filter((it) => it.metric === m.id)
            .map((it) => itemView(it, pack.files.byItem.get(String(it.id)) ?? [], fileByPath, pack, review ? internalView(it, choice) : null));
          if (m.kind !== 'bibliometric') {
            evidenceMetrics++;
            if (mine.some((it) => it.internal === null || it.internal.inSubmission)) metricsWithEvidence++;
          }
          const gap = gapOf.get(m.id);
          return {
            id: m.id,
            anchor: `metric-${m.id.replace(/\./g, '-')}`,
            title: m.title,
            kindLabel: KIND_LABEL[m.kind] + (m.questionType && m.kind === 'evidence' ? ` (${m.questionType})` : ''),
            bibliometric: m.kind === 'bibliometric',
            weightLabel: weightLabel(m.weight, m.weightConfirmed, m.weightBasis),
            definition: m.definition,
            items: mine,
            hasItems: mine.length > 0,
            // Research metrics are computed by THE; their note says so, and there is no gap to show.
            gap: review && gap && gap.status !== 'computed_by_the' ? gapView(gap) : null,
          };
        })
        // An assessor reads what was submitted: no "Nothing submitted" filler and no metric THE computes itself.
        .filter((m) => review || m.hasItems),
    }))
    .filter((g) => review || g.metrics.length > 0);

  const cited = new Set(items.filter((it) => review || choice.shown.has(it)).flatMap((it) => pack.files.byItem.get(String(it.id)) ?? []));
  const files: FileView[] = pack.files.files
    .filter((f) => cited.has(f.path))
    .map((f) => ({ ...fileView(f), citedBy: f.citedBy.filter((c) => c.sdg === sdg).map((c) => c.itemId) }));

  return {
    audience,
    review,
    marking: options.draft ? (review ? REVIEW_DRAFT_MARKING : DRAFT_MARKING) : review ? REVIEW_MARKING : '',
    institution: {
      name: settings.config.institution.name,
      country: settings.config.institution.country,
      website: settings.config.institution.website,
      ...(images.has(LOGO_IMAGE) ? { logo: { src: LOGO_IMAGE, alt: `${settings.config.institution.name} logo` } } : {}),
    },
    edition: catalogue.edition,
    dataYear: catalogue.windows.dataYear,
    buildDate: isoDay(settings.buildDate),
    generator: `${GENERATOR} ${version}`,
    sdg: { number: s.number, title: s.title, colour: s.colour },
    summary: { items: items.length, metricsWithEvidence, evidenceMetrics },
    groups,
    files,
  };
}

function itemView(it: EvidenceItem, resolved: string[], fileByPath: Map<string, SupportingFile>, pack: LoadedPack, internal: InternalItemView | null): ItemView {
  const review = internal !== null;
  const facts: { label: string; value: string }[] = [];
  if (it.period) facts.push({ label: 'Period', value: `${it.period.start} to ${it.period.end}` });
  if (it.policy) {
    facts.push({ label: 'Policy created', value: String(it.policy.created) });
    facts.push({ label: 'Policy last reviewed', value: String(it.policy.last_reviewed) });
    if (it.policy.next_review) facts.push({ label: 'Next review', value: String(it.policy.next_review) });
  }
  if (it.answer) facts.push({ label: 'Answer', value: answerTitle(pack.catalogue, it) });
  if (it.progress) facts.push({ label: 'Progress', value: it.progress.replace(/_/g, ' ') });
  if (it.carried_out_by) facts.push({ label: 'Carried out by', value: it.carried_out_by.replace(/_/g, ' ') });
  if (it.partners?.length) facts.push({ label: 'Partners', value: it.partners.join(', ') });
  if (review) {
    // The office's check; the submission shows the public URLs themselves.
    const isPublic = (it.public_urls?.length ?? 0) > 0 && it.confidential !== true;
    facts.push({ label: 'Public evidence', value: it.confidential ? 'no (confidential)' : isPublic ? 'yes' : 'no' });
  }

  const sources = pack.settings.config.sources ?? {};
  return {
    id: String(it.id),
    anchor: `item-${String(it.id)}`,
    title: it.title,
    paragraphs: String(it.narrative ?? '')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p.length > 0),
    originalTitle: it.original?.title,
    originalLanguage: it.original?.language,
    facts,
    values: Object.entries(it.values ?? {})
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, v]) => ({
        name,
        value: formatNumber(v.value),
        // How people were counted matters to THE (FTE for most student and staff figures), so it travels with the unit.
        unit: v.basis === 'fte' ? `${v.unit} (FTE)` : v.basis === 'headcount' ? `${v.unit} (headcount)` : v.unit,
        asPrinted: v.as_printed,
        source: v.source ?? (v.year !== undefined ? String(v.year) : undefined),
      })),
    urls: (it.confidential ? [] : (it.public_urls ?? [])).map((u) => urlView(u)),
    files: [
      ...resolved.map((p) => {
        const f = fileByPath.get(p);
        return f ? fileView(f) : { path: p, missing: true };
      }),
    ],
    missingDocuments: review ? (it.missing_documents ?? []).map((d) => ({ title: d.title, note: d.note })) : [],
    reviewNotes: review ? (it.review_notes ?? []).map((n) => (typeof n === 'string' ? n : n.note)) : [],
    provenance: unique(
      (it.provenance ?? []).map((p) => {
        const doc = sources[p.source];
        const title = doc ? `${doc.title}${doc.year ? ` (${doc.year})` : ''}` : p.source;
        // Line ranges point into the office's text copy of a source and notes are the office's own: review only.
        const where = [review && p.lines ? `lines ${p.lines}` : '', p.page ? `page ${p.page}` : ''].filter(Boolean).join(', ');
        return `${title}${where ? `, ${where}` : ''}${review && p.note ? ` — ${p.note}` : ''}`;
      }),
    ),
    internal,
  };
}

const unique = (list: string[]): string[] => [...new Set(list)];

const words = (text: string): string => text.replace(/_/g, ' ');

function internalView(it: EvidenceItem, choice: SubmissionChoice): InternalItemView {
  const leftOutBecause = choice.leftOut.get(it);
  return {
    ...(typeof it.owner === 'string' && it.owner.trim() !== '' ? { owner: it.owner } : {}),
    status: words(String(it.status)),
    ...(it.status_reason ? { statusReason: it.status_reason } : {}),
    ...(it.sign_off ? { signOff: `${it.sign_off.reviewer} on ${it.sign_off.date}` } : {}),
    confidential: it.confidential === true,
    inSubmission: leftOutBecause === undefined,
    ...(leftOutBecause === undefined ? {} : { leftOutBecause }),
  };
}

function gapView(gap: GapReport['sdgs'][number]['metrics'][number]): MetricGapView {
  return {
    status: words(gap.status),
    shortfalls: gap.shortfalls.map((s) => `${s.message}: ${s.step}`),
    ...(gap.reason ? { reason: gap.reason } : {}),
  };
}

/** The answer option's title (each chosen option's, joined, for multi-select questions). */
export function answerTitle(cat: Catalogue, it: EvidenceItem): string {
  const chosen = Array.isArray(it.answer) ? it.answer.map(String) : [String(it.answer)];
  for (const s of cat.sdgs) for (const g of s.groups) for (const m of g.metrics) {
    if (m.id === it.metric) return chosen.map((id) => m.options?.find((o) => o.id === id)?.title ?? id).join('; ');
  }
  return chosen.join('; ');
}

function fileView(f: SupportingFile): FileView {
  return { path: f.path, size: formatSize(f.size), sha256: f.sha256, missing: false };
}

export function weightLabel(weight: number | null, confirmed: boolean, basis?: string): string {
  if (weight === null) return 'weight not published';
  return `${formatNumber(weight)}% of the SDG score${confirmed ? '' : ` (derived${basis ? `: ${basis}` : ''})`}`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** English grouping (12,390) so an assessor reads figures the same way in every document. */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-GB', { maximumFractionDigits: 4 });
}

/**
 * A public URL as documents show it: the address is always printed (it must survive printing), and the
 * label only when it says something the address does not. A bare URL, an empty label or a label that is
 * the address again (with or without its scheme or a final slash) would print as "url: url".
 */
export function urlView(entry: string | PublicUrl): UrlView {
  const url = typeof entry === 'string' ? entry : entry.url;
  const label = typeof entry === 'string' ? undefined : entry.label?.trim();
  if (label === undefined || label === '' || sameAddress(label, url)) return { url };
  return { url, label };
}

function sameAddress(a: string, b: string): boolean {
  const bare = (s: string) => s.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
  return bare(a) === bare(b);
}
