import type { Rule } from '../../core/types';
import type { PolicyModel } from '../../formats/policy/model';
import { duplicateSection } from './duplicate-section';
import { emptySection } from './empty-section';
import { fencedPolicy } from './fenced-policy';
import { hedgedTimeline } from './hedged-timeline';
import { inconsistentSeverityTimelines } from './inconsistent-severity-timelines';
import { insecureLink } from './insecure-link';
import { mixedMarkers } from './mixed-markers';
import { noContact } from './no-contact';
import { noDisclosurePolicy } from './no-disclosure-policy';
import { noEncryption } from './no-encryption';
import { noReportingSection } from './no-reporting-section';
import { noResponseTimeline } from './no-response-timeline';
import { noSafeHarbor } from './no-safe-harbor';
import { noSupportedVersions } from './no-supported-versions';
import { nothingSupported } from './nothing-supported';
import { placeholderContact } from './placeholder-contact';
import { publicIssueReporting } from './public-issue-reporting';
import { staleVersionsTable } from './stale-versions-table';
import { templatePlaceholder } from './template-placeholder';
import { tooShort } from './too-short';
import { versionsTable } from './versions-table';
import { unkeptPromise } from './unkept-promise';

/** Every SECURITY.md rule, one line each. */
export const policyRules: Rule<PolicyModel>[] = [
  noContact,
  noResponseTimeline,
  noSupportedVersions,
  noReportingSection,
  placeholderContact,
  templatePlaceholder,
  publicIssueReporting,
  hedgedTimeline,
  inconsistentSeverityTimelines,
  versionsTable,
  mixedMarkers,
  nothingSupported,
  staleVersionsTable,
  insecureLink,
  fencedPolicy,
  noDisclosurePolicy,
  emptySection,
  duplicateSection,
  tooShort,
  noEncryption,
  noSafeHarbor,
  unkeptPromise,
];
