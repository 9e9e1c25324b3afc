import { AppException } from '../../common/problem/app-exception';

export enum PrivacyExceptionCode {
  PersonNotFound = 'privacy.person_not_found',
  UpcomingAppointment = 'privacy.upcoming_appointment',
  NothingRetained = 'privacy.nothing_retained',
  LinkInvalid = 'privacy.link_invalid',
}

const DETAILS: Record<PrivacyExceptionCode, { status: number; title: string; detail: string }> = {
  [PrivacyExceptionCode.PersonNotFound]: { status: 404, title: 'Person not found', detail: 'No person with this id, or the person was erased.' },
  [PrivacyExceptionCode.UpcomingAppointment]: {
    status: 409,
    title: 'Appointment ahead',
    detail: 'The person still has a booked appointment ahead. Cancel it first, so its place goes back to others.',
  },
  [PrivacyExceptionCode.LinkInvalid]: {
    status: 404,
    title: 'Link not valid',
    detail: 'This link was already used, has expired or never existed. Ask for a new one.',
  },
  [PrivacyExceptionCode.NothingRetained]: { status: 404, title: 'Nothing retained', detail: 'This person was not erased, or no documentation was kept.' },
};

export class PrivacyException extends AppException {
  constructor(code: PrivacyExceptionCode) {
    const { status, title, detail } = DETAILS[code];
    super(code, status, title, detail);
  }
}
