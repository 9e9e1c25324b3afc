import { ChangePasswordPage } from '../auth/change-password-page';
import { RequireStaff } from '../auth/require-staff';
import { SignInPage } from '../auth/sign-in-page';
import { StaffHomePage } from '../auth/staff-home-page';
import { ADMIN_ROLES, CATALOGUE_EDITOR_ROLES, CATALOGUE_VIEWER_ROLES, PEOPLE_READER_ROLES } from '../shared/staff-roles';
import { ManageBookingPage } from '../booking/manage-booking-page';
import { BoardPage } from '../day-run/board-page';
import { VisitPage } from '../day-run/visit-page';
import { WalkInPage } from '../day-run/walk-in-page';
import { LandingPage } from '../landing/landing-page';
import { MailPage } from '../mail/mail-page';
import { NotFoundPage } from '../layout/not-found-page';
import { PeoplePage } from '../people/people-page';
import { PersonCreatePage } from '../people/person-create-page';
import { PersonDetailPage } from '../people/person-detail-page';
import { LotCreatePage } from '../lots/lot-create-page';
import { LotsPage } from '../lots/lots-page';
import { SiteCreatePage, SiteEditPage } from '../sites/site-edit-page';
import { SitesPage } from '../sites/sites-page';
import { DayCreatePage } from '../vaccination-days/day-create-page';
import { DayPage } from '../vaccination-days/day-page';
import { DaysPage } from '../vaccination-days/days-page';
import { VaccineCreatePage, VaccineEditPage } from '../vaccines/vaccine-edit-page';
import { VaccinesPage } from '../vaccines/vaccines-page';
import { usePathname } from '../routing/router';
import { matchRoute } from '../routing/routes';
import { AUDIT_READER_ROLES, DAY_STAFF_ROLES, MEDICAL_DECISION_ROLES } from '../shared/day-admin-roles';
import { AuditLogPage } from '../audit/audit-log-page';
import { QuestionnairePage } from '../questionnaire/questionnaire-page';
import { DayReportPage } from '../vaccination-days/day-report-page';
import { CertificatePage } from '../certificates/certificate-page';
import { VerifyPage } from '../certificates/verify-page';
import { WaitingListRoute } from '../waiting-list/waiting-list-routes';

export function AppRoutes() {
  const route = matchRoute(usePathname());
  switch (route.name) {
    case 'landing':
      return <LandingPage />;
    case 'manage-booking':
      return <ManageBookingPage />;
    case 'sign-in':
      return <SignInPage />;
    case 'staff-home':
      return <RequireStaff>{(staff) => <StaffHomePage staff={staff} />}</RequireStaff>;
    case 'change-password':
      return <RequireStaff>{() => <ChangePasswordPage />}</RequireStaff>;
    case 'people':
      return <RequireStaff roles={PEOPLE_READER_ROLES}>{() => <PeoplePage />}</RequireStaff>;
    case 'person-new':
      return <RequireStaff roles={PEOPLE_READER_ROLES}>{() => <PersonCreatePage />}</RequireStaff>;
    case 'person':
      return <RequireStaff roles={PEOPLE_READER_ROLES}>{(staff) => <PersonDetailPage key={route.id} id={route.id} staff={staff} />}</RequireStaff>;
    case 'sites':
      return <RequireStaff roles={CATALOGUE_VIEWER_ROLES}>{(staff) => <SitesPage staff={staff} />}</RequireStaff>;
    case 'site-new':
      return <RequireStaff roles={CATALOGUE_EDITOR_ROLES}>{() => <SiteCreatePage />}</RequireStaff>;
    case 'site':
      return <RequireStaff roles={CATALOGUE_VIEWER_ROLES}>{(staff) => <SiteEditPage key={route.id} id={route.id} staff={staff} />}</RequireStaff>;
    case 'vaccines':
      return <RequireStaff roles={CATALOGUE_VIEWER_ROLES}>{(staff) => <VaccinesPage staff={staff} />}</RequireStaff>;
    case 'vaccine-new':
      return <RequireStaff roles={CATALOGUE_EDITOR_ROLES}>{() => <VaccineCreatePage />}</RequireStaff>;
    case 'vaccine':
      return <RequireStaff roles={CATALOGUE_VIEWER_ROLES}>{(staff) => <VaccineEditPage key={route.id} id={route.id} staff={staff} />}</RequireStaff>;
    case 'lots':
      return <RequireStaff roles={CATALOGUE_VIEWER_ROLES}>{(staff) => <LotsPage staff={staff} />}</RequireStaff>;
    case 'lot-new':
      return <RequireStaff roles={CATALOGUE_EDITOR_ROLES}>{() => <LotCreatePage />}</RequireStaff>;
    case 'days':
      return <RequireStaff roles={CATALOGUE_VIEWER_ROLES}>{(staff) => <DaysPage staff={staff} />}</RequireStaff>;
    case 'day-new':
      return <RequireStaff roles={CATALOGUE_EDITOR_ROLES}>{() => <DayCreatePage />}</RequireStaff>;
    case 'day':
      return <RequireStaff roles={CATALOGUE_VIEWER_ROLES}>{(staff) => <DayPage key={route.id} id={route.id} staff={staff} />}</RequireStaff>;
    case 'mail':
      return <RequireStaff roles={ADMIN_ROLES}>{() => <MailPage />}</RequireStaff>;
    case 'day-board':
      return <RequireStaff roles={CATALOGUE_VIEWER_ROLES}>{(staff) => <BoardPage key={route.id} dayId={route.id} staff={staff} />}</RequireStaff>;
    case 'walk-in':
      return <RequireStaff roles={CATALOGUE_VIEWER_ROLES}>{() => <WalkInPage key={route.id} dayId={route.id} />}</RequireStaff>;
    case 'visit':
      return <RequireStaff roles={CATALOGUE_VIEWER_ROLES}>{(staff) => <VisitPage key={route.id} visitId={route.id} staff={staff} />}</RequireStaff>;
    case 'questionnaire':
      return <RequireStaff roles={DAY_STAFF_ROLES}>{(staff) => <QuestionnairePage staff={staff} />}</RequireStaff>;
    case 'audit-log':
      return <RequireStaff roles={AUDIT_READER_ROLES}>{() => <AuditLogPage />}</RequireStaff>;
    case 'day-report':
      return <RequireStaff roles={MEDICAL_DECISION_ROLES}>{() => <DayReportPage key={route.id} id={route.id} />}</RequireStaff>;
    case 'certificate':
      return <CertificatePage />;
    case 'verify-certificate':
      return <VerifyPage />;
    case 'registration':
    case 'registration-status':
    case 'standby-offer':
    case 'waiting-list':
    case 'waiting-list-rules':
    case 'waiting-list-reports':
    case 'spare-doses':
    case 'standby-join':
      return <WaitingListRoute name={route.name} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
