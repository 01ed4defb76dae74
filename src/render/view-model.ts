import type { Catalogue, Metric } from '../criteria/types';
import type { SupportingFile } from '../files/resolve';
import { isoDay } from '../model/dates';
import type { EvidenceItem, PublicUrl } from '../model/item';
import type { LoadedPack } from '../pipeline/load-pack';
import { LOGO_IMAGE } from './assets/image-names';
import type { DocumentImages } from './templates/render';
import type { FileView, ItemView, MetricView, SdgDocumentView, UrlView } from './view';

export const GENERATOR = 'impact-pack';

const KIND_LABEL: Record<Metric['kind'], string> = {
  bibliometric: 'Bibliometric (computed by THE from Scopus)',
  numeric: 'Numeric data',
  evidence: 'Evidence question',
  policy: 'Policy question',
};

/**
 * Everything one SDG document shows, as plain display-ready data. Pure.
 * @param images the images the build loaded (the logo); the view says which exist, the IR parser gets the bytes.
 */
export function sdgDocumentView(pack: LoadedPack, sdg: number, version: string, images: DocumentImages = new Map()): SdgDocumentView {
  const { catalogue, settings } = pack;
  const s = catalogue.sdgs.find((x) => x.number === sdg);
  if (!s) throw new Error(`SDG ${sdg} is not in the ${catalogue.edition} catalogue`);
  const fileByPath = new Map(pack.files.files.map((f) => [f.path, f]));
  const items = pack.items
    .map((p) => p.item)
    .filter((it) => it.sdg === sdg && typeof it.metric === 'string')
    .sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));

  let metricsWithEvidence = 0;
  let evidenceMetrics = 0;
  const groups = s.groups.map((g) => ({
    id: g.id,
    title: g.title,
    weightLabel: weightLabel(g.weight, g.weightConfirmed, g.weightBasis),
    metrics: g.metrics.map((m): MetricView => {
      const mine = items.filter((it) => it.metric === m.id).map((it) => itemView(it, pack.files.byItem.get(String(it.id)) ?? [], fileByPath, pack));
      if (m.kind !== 'bibliometric') {
        evidenceMetrics++;
        if (mine.length > 0) metricsWithEvidence++;
      }
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
      };
    }),
  }));

  const cited = new Set(items.flatMap((it) => pack.files.byItem.get(String(it.id)) ?? []));
  const files: FileView[] = pack.files.files
    .filter((f) => cited.has(f.path))
    .map((f) => ({ ...fileView(f), citedBy: f.citedBy.filter((c) => c.sdg === sdg).map((c) => c.itemId) }));

  return {
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

function itemView(it: EvidenceItem, resolved: string[], fileByPath: Map<string, SupportingFile>, pack: LoadedPack): ItemView {
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
  if (it.owner) facts.push({ label: 'Owner', value: it.owner });
  facts.push({ label: 'Status', value: it.status.replace(/_/g, ' ') + (it.status_reason ? `: ${it.status_reason}` : '') });
  const isPublic = (it.public_urls?.length ?? 0) > 0 && it.confidential !== true;
  facts.push({ label: 'Public evidence', value: it.confidential ? 'no (confidential)' : isPublic ? 'yes' : 'no' });

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
        unit: v.unit,
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
    missingDocuments: (it.missing_documents ?? []).map((d) => ({ title: d.title, note: d.note })),
    reviewNotes: (it.review_notes ?? []).map((n) => (typeof n === 'string' ? n : n.note)),
    provenance: (it.provenance ?? []).map((p) => {
      const doc = sources[p.source];
      const title = doc ? `${doc.title}${doc.year ? ` (${doc.year})` : ''}` : p.source;
      const where = [p.lines ? `lines ${p.lines}` : '', p.page ? `page ${p.page}` : ''].filter(Boolean).join(', ');
      return `${title}${where ? `, ${where}` : ''}${p.note ? ` — ${p.note}` : ''}`;
    }),
  };
}

function answerTitle(cat: Catalogue, it: EvidenceItem): string {
  for (const s of cat.sdgs) for (const g of s.groups) for (const m of g.metrics) {
    if (m.id === it.metric) return m.options?.find((o) => o.id === it.answer)?.title ?? String(it.answer);
  }
  return String(it.answer);
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
