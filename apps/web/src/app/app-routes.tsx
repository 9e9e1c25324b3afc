import { ChangePasswordPage } from '../auth/change-password-page';
import { RequireStaff } from '../auth/require-staff';
import { SignInPage } from '../auth/sign-in-page';
import { StaffHomePage } from '../auth/staff-home-page';
import { PEOPLE_READER_ROLES } from '../auth/staff-roles';
import { ManageBookingPage } from '../booking/manage-booking-page';
import { LandingPage } from '../landing/landing-page';
import { NotFoundPage } from '../layout/not-found-page';
import { PeoplePage } from '../people/people-page';
import { PersonCreatePage } from '../people/person-create-page';
import { PersonDetailPage } from '../people/person-detail-page';
import { usePathname } from '../routing/router';
import { matchRoute } from '../routing/routes';

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
    case 'not-found':
      return <NotFoundPage />;
  }
}
