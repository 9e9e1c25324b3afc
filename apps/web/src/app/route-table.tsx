import type { StaffProfile, StaffRole } from '@vaccinate/api-contracts';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteName } from '../shared/routing/routes';
import { AUDIT_READER_ROLES, DAY_STAFF_ROLES, MEDICAL_DECISION_ROLES } from '../shared/day-admin-roles';
import { ADMIN_ROLES, CATALOGUE_EDITOR_ROLES, CATALOGUE_VIEWER_ROLES, PEOPLE_READER_ROLES } from '../shared/staff-roles';

/** What a page gets: the `:id` of its address (empty without one) and, on staff pages, who is signed in. */
export interface PageProps {
  id: string;
  staff: StaffProfile;
}

type Lazy<P> = LazyExoticComponent<ComponentType<P>>;

/** `staff: true` is any signed-in staff member; a role list needs one of them. The API checks again. */
export type AppRoute = { staff: false; Page: Lazy<{ id: string }> } | { staff: true | readonly StaffRole[]; Page: Lazy<PageProps> };

// Each page is its own chunk, loaded when its address is first opened.
const load = <P,>(page: () => Promise<ComponentType<P>>): Lazy<P> => lazy(() => page().then((Page) => ({ default: Page })));
const open = (page: () => Promise<ComponentType<{ id: string }>>): AppRoute => ({ staff: false, Page: load(page) });
const staffOnly = (roles: true | readonly StaffRole[], page: () => Promise<ComponentType<PageProps>>): AppRoute => ({ staff: roles, Page: load(page) });

/** Every page, once: its address is `patterns[name]`, and the compiler checks each name has its page here. */
export const ROUTES = {
  landing: open(() => import('../landing/landing-page').then((m) => m.LandingPage)),
  manageBooking: open(() => import('../booking/manage-booking-page').then((m) => m.ManageBookingPage)),
  signIn: open(() => import('../auth/sign-in-page').then((m) => m.SignInPage)),
  staffHome: staffOnly(true, () => import('../auth/staff-home-page').then((m) => m.StaffHomePage)),
  changePassword: staffOnly(true, () => import('../auth/change-password-page').then((m) => () => <m.ChangePasswordPage />)),
  setPassword: open(() => import('../auth/set-password-page').then((m) => m.SetPasswordPage)),
  forgotPassword: open(() => import('../auth/forgot-password-page').then((m) => m.ForgotPasswordPage)),
  sessions: staffOnly(true, () => import('../auth/sessions-page').then((m) => m.SessionsPage)),
  staffAccounts: staffOnly(ADMIN_ROLES, () => import('../staff/staff-accounts-page').then((m) => m.StaffAccountsPage)),
  people: staffOnly(PEOPLE_READER_ROLES, () => import('../people/people-page').then((m) => m.PeoplePage)),
  roster: staffOnly(ADMIN_ROLES, () => import('../people/roster-page').then((m) => m.RosterPage)),
  personNew: staffOnly(PEOPLE_READER_ROLES, () => import('../people/person-create-page').then((m) => m.PersonCreatePage)),
  person: staffOnly(PEOPLE_READER_ROLES, () => import('../people/person-detail-page').then((m) => m.PersonDetailPage)),
  sites: staffOnly(CATALOGUE_VIEWER_ROLES, () => import('../sites/sites-page').then((m) => m.SitesPage)),
  siteNew: staffOnly(CATALOGUE_EDITOR_ROLES, () => import('../sites/site-edit-page').then((m) => m.SiteCreatePage)),
  site: staffOnly(CATALOGUE_VIEWER_ROLES, () => import('../sites/site-edit-page').then((m) => m.SiteEditPage)),
  vaccines: staffOnly(CATALOGUE_VIEWER_ROLES, () => import('../vaccines/vaccines-page').then((m) => m.VaccinesPage)),
  vaccineNew: staffOnly(CATALOGUE_EDITOR_ROLES, () => import('../vaccines/vaccine-edit-page').then((m) => m.VaccineCreatePage)),
  vaccine: staffOnly(CATALOGUE_VIEWER_ROLES, () => import('../vaccines/vaccine-edit-page').then((m) => m.VaccineEditPage)),
  lots: staffOnly(CATALOGUE_VIEWER_ROLES, () => import('../lots/lots-page').then((m) => m.LotsPage)),
  lotNew: staffOnly(CATALOGUE_EDITOR_ROLES, () => import('../lots/lot-create-page').then((m) => m.LotCreatePage)),
  days: staffOnly(CATALOGUE_VIEWER_ROLES, () => import('../vaccination-days/days-page').then((m) => m.DaysPage)),
  dayNew: staffOnly(CATALOGUE_EDITOR_ROLES, () => import('../vaccination-days/day-create-page').then((m) => m.DayCreatePage)),
  day: staffOnly(CATALOGUE_VIEWER_ROLES, () => import('../vaccination-days/day-page').then((m) => m.DayPage)),
  mail: staffOnly(ADMIN_ROLES, () => import('../mail/mail-page').then((m) => m.MailPage)),
  dayBoard: staffOnly(CATALOGUE_VIEWER_ROLES, () => import('../day-run/board-page').then((m) => ({ id, staff }: PageProps) => <m.BoardPage dayId={id} staff={staff} />)),
  walkIn: staffOnly(CATALOGUE_VIEWER_ROLES, () => import('../day-run/walk-in-page').then((m) => ({ id }: PageProps) => <m.WalkInPage dayId={id} />)),
  dayReport: staffOnly(MEDICAL_DECISION_ROLES, () => import('../vaccination-days/day-report-page').then((m) => m.DayReportPage)),
  visit: staffOnly(CATALOGUE_VIEWER_ROLES, () => import('../day-run/visit-page').then((m) => ({ id, staff }: PageProps) => <m.VisitPage visitId={id} staff={staff} />)),
  questionnaire: staffOnly(DAY_STAFF_ROLES, () => import('../questionnaire/questionnaire-page').then((m) => m.QuestionnairePage)),
  auditLog: staffOnly(AUDIT_READER_ROLES, () => import('../audit/audit-log-page').then((m) => m.AuditLogPage)),
  certificate: open(() => import('../certificates/certificate-page').then((m) => m.CertificatePage)),
  verifyCertificate: open(() => import('../certificates/verify-page').then((m) => m.VerifyPage)),
  registration: open(() => import('../waiting-list/registration-page').then((m) => m.RegistrationPage)),
  registrationStatus: open(() => import('../waiting-list/registration-status-page').then((m) => m.RegistrationStatusPage)),
  standbyOffer: open(() => import('../waiting-list/standby-offer-page').then((m) => m.StandbyOfferPage)),
  waitingList: staffOnly(CATALOGUE_EDITOR_ROLES, () => import('../waiting-list/waiting-list-staff-page').then((m) => m.WaitingListStaffPage)),
  waitingListRules: staffOnly(CATALOGUE_EDITOR_ROLES, () => import('../waiting-list/priority-rules-page').then((m) => m.PriorityRulesPage)),
  waitingListReports: staffOnly(CATALOGUE_EDITOR_ROLES, () => import('../waiting-list/waiting-list-reports-page').then((m) => m.WaitingListReportsPage)),
  spareDoses: staffOnly(CATALOGUE_VIEWER_ROLES, () => import('../waiting-list/standby-announcements-page').then((m) => m.StandbyAnnouncementsPage)),
  standbyJoin: open(() => import('../waiting-list/standby-join-page').then((m) => m.StandbyJoinPage)),
  myData: open(() => import('../privacy/my-data-page').then((m) => m.MyDataPage)),
} satisfies Record<RouteName, AppRoute>;
