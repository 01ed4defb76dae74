import type { Check } from './check';
import { answerIsOption } from './answer-is-option';
import { attachmentNotPublic } from './attachment-not-public';
import { booleanWords } from './boolean-words';
import { datesValid } from './dates';
import { evidenceDated } from './evidence-dated';
import { evidenceWindows } from './evidence-windows';
import { initExample } from './init-example';
import { kindFitsMetric } from './kind-fits-metric';
import { metricKnown } from './metric-known';
import { metricMatchesSdg } from './metric-matches-sdg';
import { metricNotBibliometric } from './metric-not-bibliometric';
import { placeholderText } from './placeholder-text';
import { plansNotEvidence } from './plans-not-evidence';
import { policyInPlace } from './policy-in-place';
import { primaryEvidence } from './primary-evidence';
import { provenanceSources } from './provenance-sources';
import { publicUrlHomePage } from './public-url-home-page';
import { publicUrlShared } from './public-url-shared';
import { publicUrls } from './public-urls';
import { relatedItems } from './related-items';
import { statusReason } from './status-reason';
import { uniqueIds } from './unique-ids';
import { valueZero } from './value-zero';
import { valueBasis } from './value-basis';
import { valueYear } from './value-year';

/** Every rule, in the order their findings are easiest to act on (identity, criteria, dates, content). */
export const CHECKS: readonly Check[] = [
  uniqueIds,
  relatedItems,
  metricKnown,
  metricMatchesSdg,
  metricNotBibliometric,
  kindFitsMetric,
  answerIsOption,
  statusReason,
  provenanceSources,
  datesValid,
  evidenceWindows,
  evidenceDated,
  policyInPlace,
  valueYear,
  valueBasis,
  primaryEvidence,
  publicUrls,
  publicUrlHomePage,
  publicUrlShared,
  attachmentNotPublic,
  booleanWords,
  placeholderText,
  plansNotEvidence,
  valueZero,
  initExample,
];

export type { Check, CheckContext } from './check';
