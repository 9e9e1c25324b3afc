import type { ApiClient } from '../api/api-client';

export interface GroupName {
  de: string;
  en: string;
}

export interface RegistrationRequest {
  person: { givenName: string; familyName: string; email: string; birthDate: string; phone?: string };
  productId?: string;
  preferredSiteIds: string[];
  preferredWeekdays: number[];
  occupations: string[];
  answers: Record<string, boolean>;
  captcha: string;
  locale: 'de' | 'en';
}

export interface RegistrationStatus {
  trackingCode: string;
  status: 'queued' | 'offered' | 'booked' | 'vaccinated' | 'withdrawn';
  registeredAt: string;
  group: { rank: number; name: GroupName } | null;
  ahead: number;
  position: number | null;
  appointments: { doseNumber: number; startsAt: string; endsAt: string; siteName: string }[];
  offer: { expiresAt: string; availableUntil: string; siteName: string } | null;
}

/** Who opts in: a registration (tracking code and birth date) or a booking (its manage token). */
export type StandbySource = { trackingCode: string; birthDate: string } | { manageToken: string };

export type StandbyOptIn = StandbySource & {
  siteIds: string[];
  timeWindows: { from: string; to: string }[];
  quietFrom?: string;
  quietTo?: string;
  phone?: string;
  captcha: string;
};

export interface QueueEntry {
  registrationId: string;
  rank: number | null;
  group: GroupName | null;
  status: string;
  reason: string | null;
  preferredSiteIds: string[];
  registeredAt: string;
}

export interface Release {
  siteId: string | null;
  upToRank: number;
  releasedAt: string;
}

export interface AllocationDeadLetter {
  id: string;
  registrationId: string;
  reason: string | null;
  failedAt: string;
}

export interface RuleSet {
  version: number;
  rules: { version: 1; groups: { id: string; rank: number; name: GroupName; match: unknown }[] };
  eligibility: { productId: string; minAgeYears: number | null; maxAgeYears: number | null }[];
  savedAt: string | null;
}

export interface Announcement {
  id: string;
  siteId: string;
  productId: string;
  doses: number;
  taken: number;
  availableUntil: string;
  offerMinutes: number;
  overbookingFactor: number;
  status: 'open' | 'closed';
  offered: number;
  open: number;
}

export interface Reports {
  byGroup: { rank: number | null; group: string | null; queued: number; booked: number; vaccinated: number; total: number }[];
  bySite: { siteId: string | null; siteName: string | null; registrations: number }[];
  byWeek: { week: string; registrations: number }[];
  willingVsVaccinated: { willing: number; booked: number; vaccinated: number };
  standby: { announcementId: string; siteName: string; productName: string; announcedAt: string; doses: number; offered: number; taken: number; expired: number; tooLate: number }[];
}

export const REPORT_NAMES = ['by-group', 'by-site', 'by-week', 'willing-vs-vaccinated', 'standby'] as const;

export const registerOnWaitingList = (api: ApiClient, request: RegistrationRequest) =>
  api.post<{ trackingCode: string; statusUrl: string }>('/registrations', request);
// Tracking code and birth date travel in a POST body, never in a URL.
export const fetchRegistrationStatus = (api: ApiClient, trackingCode: string, birthDate: string) =>
  api.post<RegistrationStatus>('/registrations/status', { trackingCode, birthDate });
export const withdrawRegistration = (api: ApiClient, trackingCode: string, birthDate: string) =>
  api.post<{ status: 'withdrawn' }>('/registrations/withdraw', { trackingCode, birthDate });
export const joinStandby = (api: ApiClient, request: StandbyOptIn) => api.post<{ joined: true }>('/standby/members', request);
export const confirmStandbyOffer = (api: ApiClient, token: string) => api.post<{ status: 'confirmed'; announcement: Announcement }>('/standby/offers/confirm', { token });

export const fetchQueue = (api: ApiClient, signal: AbortSignal) => api.get<{ total: number; items: QueueEntry[] }>('/waiting-list/queue', { signal });
export const fetchReleases = (api: ApiClient, signal: AbortSignal) => api.get<Release[]>('/waiting-list/releases', { signal });
export const releaseGroups = (api: ApiClient, upToRank: number, siteId: string | null) =>
  api.post<undefined>('/waiting-list/releases', { upToRank, ...(siteId ? { siteId } : {}) });
export const fetchAllocationDeadLetters = (api: ApiClient, signal: AbortSignal) => api.get<AllocationDeadLetter[]>('/waiting-list/dead-letters', { signal });
export const replayAllocation = (api: ApiClient, id: string) => api.post<undefined>(`/waiting-list/dead-letters/${encodeURIComponent(id)}/replay`, {});
export const fetchRules = (api: ApiClient, signal: AbortSignal) => api.get<RuleSet>('/waiting-list/rules', { signal });
export const saveRules = (api: ApiClient, rules: unknown, eligibility: unknown) =>
  api.request<RuleSet & { regrouped: number }>('PUT', '/waiting-list/rules', { body: { rules, eligibility } });
export const fetchAnnouncements = (api: ApiClient, signal: AbortSignal) => api.get<Announcement[]>('/standby/announcements', { signal });
export const announceSpareDoses = (
  api: ApiClient,
  request: { siteId: string; productId: string; doses: number; availableUntil: string; offerMinutes: number; overbookingFactor: number },
) => api.post<Announcement>('/standby/announcements', request);
export const fetchReports = (api: ApiClient, locale: 'de' | 'en', signal: AbortSignal) => api.get<Reports>('/waiting-list/reports', { signal, query: { locale } });
export const downloadReport = (api: ApiClient, report: (typeof REPORT_NAMES)[number], locale: 'de' | 'en') =>
  api.blob('/waiting-list/reports/csv', { query: { report, locale } });
export const fetchConfirmed = (api: ApiClient, announcementId: string) =>
  api.get<{ memberId: string; givenName: string; confirmedAt: string }[]>(`/standby/announcements/${encodeURIComponent(announcementId)}/confirmed`);
export interface SpareDoseProposal {
  dayId: string;
  siteId: string;
  productId: string;
  doses: number;
  availableUntil: string;
  expiresToday: boolean;
}

export const fetchProposals = (api: ApiClient, signal: AbortSignal) => api.get<SpareDoseProposal[]>('/standby/proposals', { signal });
export const leaveStandby = (api: ApiClient, source: StandbySource) => api.post<{ left: true }>('/standby/members/leave', source);
