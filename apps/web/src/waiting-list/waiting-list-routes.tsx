import { RequireStaff } from '../auth/require-staff';
import { CATALOGUE_EDITOR_ROLES, CATALOGUE_VIEWER_ROLES } from '../shared/staff-roles';
import { PriorityRulesPage } from './priority-rules-page';
import { RegistrationPage } from './registration-page';
import { RegistrationStatusPage } from './registration-status-page';
import { StandbyAnnouncementsPage } from './standby-announcements-page';
import { StandbyJoinPage } from './standby-join-page';
import { StandbyOfferPage } from './standby-offer-page';
import { WaitingListReportsPage } from './waiting-list-reports-page';
import { WaitingListStaffPage } from './waiting-list-staff-page';

export type WaitingListRouteName =
  | 'registration'
  | 'registration-status'
  | 'standby-offer'
  | 'waiting-list'
  | 'waiting-list-rules'
  | 'waiting-list-reports'
  | 'spare-doses'
  | 'standby-join';

/** The waiting list's pages: public ones for registrants, staff ones behind their roles (the API checks again). */
export function WaitingListRoute({ name }: { name: WaitingListRouteName }) {
  switch (name) {
    case 'registration':
      return <RegistrationPage />;
    case 'registration-status':
      return <RegistrationStatusPage />;
    case 'standby-offer':
      return <StandbyOfferPage />;
    case 'waiting-list':
      return <RequireStaff roles={CATALOGUE_EDITOR_ROLES}>{() => <WaitingListStaffPage />}</RequireStaff>;
    case 'waiting-list-rules':
      return <RequireStaff roles={CATALOGUE_EDITOR_ROLES}>{() => <PriorityRulesPage />}</RequireStaff>;
    case 'waiting-list-reports':
      return <RequireStaff roles={CATALOGUE_EDITOR_ROLES}>{() => <WaitingListReportsPage />}</RequireStaff>;
    case 'standby-join':
      return <StandbyJoinPage />;
    case 'spare-doses':
      return <RequireStaff roles={CATALOGUE_VIEWER_ROLES}>{() => <StandbyAnnouncementsPage />}</RequireStaff>;
  }
}
