/**
 * The document metadata (PDF info dictionary, DOCX core properties, HTML head) of one SDG's
 * submission document, built from the same view the template receives.
 */
import type { DocumentMeta } from '../ir/types';
import type { SdgDocumentView } from '../view';

export function buildDocumentMeta(view: SdgDocumentView): DocumentMeta {
  const { institution, sdg, edition } = view;
  return {
    title: `SDG ${sdg.number}: ${sdg.title} — ${institution.name}${view.review ? ' (review edition)' : ''}`,
    author: institution.name,
    subject: `THE Impact Rankings ${edition}: evidence submitted by ${institution.name} for SDG ${sdg.number} (${sdg.title}), data year ${view.dataYear}`,
    keywords: ['THE Impact Rankings', `Impact Rankings ${edition}`, `SDG ${sdg.number}`, sdg.title, institution.name],
    language: 'en',
    date: buildDate(view.buildDate),
    header: `${institution.name} · SDG ${sdg.number}`,
    accent: accentColour(sdg.colour),
    ...(view.marking ? { marking: view.marking } : {}),
  };
}

/**
 * The view builder guarantees a YYYY-MM-DD build date and a #rrggbb colour (the criteria catalogue's);
 * anything else is a bug upstream, not a problem in the pack, hence the throws.
 */
function buildDate(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new Error(`SdgDocumentView.buildDate must be a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
  return date;
}

function accentColour(value: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(value)) throw new Error(`SdgDocumentView.sdg.colour must be #rrggbb, got ${JSON.stringify(value)}`);
  return value.toLowerCase();
}
