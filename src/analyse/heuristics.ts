import type { Catalogue, Heuristic } from '../criteria/types';

/**
 * The rules the gap report and the estimate apply that are impact-pack's own, not THE's. THE publishes what
 * earns a point, not how its assessors grade every case the pack can present; where the tool has to decide,
 * it decides conservatively and names the decision, so that no output presents it as THE's rule.
 * An edition's catalogue may describe them in its own words (`heuristics:`); these are the defaults.
 */
export const HEURISTIC_IDS = [
  'in_progress_halves_statement',
  'partner_caps_statement',
  'relevance_default_general',
  'undated_activity_partial',
  'best_item_when_no_primary',
  'weakest_of_several_primaries',
  'numeric_completeness',
  'share_of_estimable',
  'home_page_not_public_evidence',
  'shared_url_landing_page',
  'link_list_not_public_evidence',
  'undated_values_not_data_year',
  'attachment_public_unknown',
] as const;

export type HeuristicId = (typeof HEURISTIC_IDS)[number];

const DEFAULTS: Record<HeuristicId, string> = {
  in_progress_halves_statement: 'Work still in progress at the end of the data year earns half of the statement point.',
  partner_caps_statement: 'Work carried out by another body (a student association, a partner) earns at most half of the statement point.',
  relevance_default_general:
    'Evidence whose relevance the item does not state is graded as general (the lower grade), until a reviewer marks it specific.',
  undated_activity_partial:
    'An activity without a date earns no statement point: nothing shows that it happened in the data year. Its evidence and public points still count.',
  best_item_when_no_primary:
    'Where the edition reads one piece of evidence per indicator and no item is marked primary, the strongest item is assumed to be the one submitted.',
  weakest_of_several_primaries: 'Where several items are marked primary for one indicator, the weakest of them is counted, since only one can be submitted.',
  numeric_completeness:
    'Numeric metrics are normalised by THE against other universities: they are judged on completeness (values, basis, year, source), never on points.',
  home_page_not_public_evidence: 'A URL that is a site root or a landing path is taken not to show the evidence itself, so it earns no public point.',
  shared_url_landing_page: 'A URL cited by items of several different metrics is taken to be a landing page rather than evidence of each.',
  link_list_not_public_evidence:
    'A page that the last `links --snapshot` judged to be only a list of links (many links, most of its words in links, little running text) is taken not to show the evidence itself, so it earns no public point.',
  undated_values_not_data_year: 'Numeric values without a year are not assumed to be figures of the data year.',
  attachment_public_unknown:
    'Where the catalogue does not know whether an attached file can earn the public point ("?"), it is not counted as public: the estimate promises no point THE may not give.',
  share_of_estimable:
    'SDGs and selections are compared as shares of what the pack lets impact-pack estimate; the parts that cannot be estimated are assumed to score at the same share.',
};

/** How the caveats name a heuristic (with its id and description). */
export const HEURISTIC_MARK = "impact-pack's heuristic, not THE's rule";

/** How a shortfall's message says that a heuristic decided it (short: it is repeated in every table row). */
export const HEURISTIC_SUFFIX = "(impact-pack's heuristic)";

/** The description of a heuristic: the catalogue's wording where it has one, else the default. */
export function describeHeuristic(catalogue: Catalogue, id: HeuristicId): Heuristic {
  const own = catalogue.heuristics?.find((h) => h.id === id);
  return { id, description: own?.description ?? DEFAULTS[id] };
}

/** "still in progress (impact-pack's heuristic)": the message of a judgement that rests on a heuristic. */
export function markHeuristic(text: string): string {
  return `${text} ${HEURISTIC_SUFFIX}`;
}
