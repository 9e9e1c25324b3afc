import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { takeManageToken } from '../booking/manage-token';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { StandbyOptInForm } from './standby-opt-in-form';

/** Standby from a booking: the manage token the booking page keeps proves whose booking it is. */
export function StandbyJoinPage() {
  const { t } = useTranslation();
  usePageTitle(t('waitingList.standby.title'));
  const [token] = useState(takeManageToken);
  return <section className="page">{token ? <StandbyOptInForm source={{ manageToken: token }} /> : <FormAlert messages={[t('booking.manage.noToken')]} />}</section>;
}
