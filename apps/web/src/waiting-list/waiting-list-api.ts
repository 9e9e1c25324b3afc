import type { ApiClient } from '../shared/api/api-client';
import type {
  AllocationDeadLetter,
  Announcement,
  AnnounceSpareDoses,
  ConfirmedMember,
  QueuePage,
  RegistrationAccepted,
  RegistrationLookup,
  RegistrationRequest,
  RegistrationStatus,
  RegistrationWithdrawn,
  Release,
  ReleaseGroups,
  ReportName,
  RuleSet,
  SavedRuleSet,
  SpareDoseProposal,
  StandbyConfirmation,
  StandbyJoined,
  StandbyLeft,
  StandbyOfferToken,
  StandbyOptIn,
  StandbySource,
  WaitingListReports,
} from '@vaccinate/api-contracts';

export type {
  AllocationDeadLetter,
  Announcement,
  GroupName,
  QueueEntry,
  RegistrationRequest,
  RegistrationStatus,
  Release,
  RuleSet,
  SpareDoseProposal,
  StandbyOptIn,
  StandbySource,
  WaitingListReports as Reports,
} from '@vaccinate/api-contracts';
export { REPORT_NAMES } from '@vaccinate/api-contracts';

export const registerOnWaitingList = (api: ApiClient, request: RegistrationRequest) => api.post<RegistrationAccepted>('/registrations', request);
// Tracking code and birth date travel in a POST body, never in a URL.
export const fetchRegistrationStatus = (api: ApiClient, trackingCode: string, birthDate: string) =>
  api.post<RegistrationStatus>('/registrations/status', { trackingCode, birthDate } satisfies RegistrationLookup);
export const withdrawRegistration = (api: ApiClient, trackingCode: string, birthDate: string) =>
  api.post<RegistrationWithdrawn>('/registrations/withdraw', { trackingCode, birthDate } satisfies RegistrationLookup);
export const joinStandby = (api: ApiClient, request: StandbyOptIn) => api.post<StandbyJoined>('/standby/members', request);
export const confirmStandbyOffer = (api: ApiClient, token: string) => api.post<StandbyConfirmation>('/standby/offers/confirm', { token } satisfies StandbyOfferToken);

export const fetchQueue = (api: ApiClient, signal: AbortSignal) => api.get<QueuePage>('/waiting-list/queue', { signal });
export const fetchReleases = (api: ApiClient, signal: AbortSignal) => api.get<Release[]>('/waiting-list/releases', { signal });
export const releaseGroups = (api: ApiClient, upToRank: number, siteId: string | null) =>
  api.post<undefined>('/waiting-list/releases', { upToRank, ...(siteId ? { siteId } : {}) } satisfies ReleaseGroups);
export const fetchAllocationDeadLetters = (api: ApiClient, signal: AbortSignal) => api.get<AllocationDeadLetter[]>('/waiting-list/dead-letters', { signal });
export const replayAllocation = (api: ApiClient, id: string) => api.post<undefined>(`/waiting-list/dead-letters/${encodeURIComponent(id)}/replay`, {});
export const fetchRules = (api: ApiClient, signal: AbortSignal) => api.get<RuleSet>('/waiting-list/rules', { signal });
/** `version` is the rule set the change is based on: a save over someone else's newer one is refused. */
export const saveRules = (api: ApiClient, rules: unknown, eligibility: unknown, version?: number) =>
  api.request<SavedRuleSet>('PUT', '/waiting-list/rules', { body: { rules, eligibility, ...(version === undefined ? {} : { version }) } });
export const fetchAnnouncements = (api: ApiClient, signal: AbortSignal) => api.get<Announcement[]>('/standby/announcements', { signal });
export const announceSpareDoses = (api: ApiClient, request: AnnounceSpareDoses) => api.post<Announcement>('/standby/announcements', request);
export const fetchReports = (api: ApiClient, locale: 'de' | 'en', signal: AbortSignal) =>
  api.get<WaitingListReports>('/waiting-list/reports', { signal, query: { locale } });
export const downloadReport = (api: ApiClient, report: ReportName, locale: 'de' | 'en') => api.blob('/waiting-list/reports/csv', { query: { report, locale } });
export const fetchConfirmed = (api: ApiClient, announcementId: string) =>
  api.get<ConfirmedMember[]>(`/standby/announcements/${encodeURIComponent(announcementId)}/confirmed`);

export const fetchProposals = (api: ApiClient, signal: AbortSignal) => api.get<SpareDoseProposal[]>('/standby/proposals', { signal });
export const leaveStandby = (api: ApiClient, source: StandbySource) => api.post<StandbyLeft>('/standby/members/leave', source);
