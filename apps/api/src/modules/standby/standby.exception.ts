import { AppException } from '../../common/problem/app-exception';

export enum StandbyExceptionCode {
  NotFound = 'standby.not_found',
  OfferNotFound = 'standby.offer_not_found',
  AlreadyTaken = 'standby.already_taken',
  OfferExpired = 'standby.offer_expired',
  UntilInThePast = 'standby.until_in_the_past',
  AnnouncementNotFound = 'standby.announcement_not_found',
}

const TEXT: Record<StandbyExceptionCode, [number, string, string, string?]> = {
  [StandbyExceptionCode.NotFound]: [404, 'Not found', 'No registration or booking matches what you entered.'],
  [StandbyExceptionCode.OfferNotFound]: [404, 'Offer not found', 'This link does not belong to an offer. Please use the link from your message.'],
  [StandbyExceptionCode.AlreadyTaken]: [
    409,
    'Already taken',
    'Thank you for answering so quickly. Others were a little faster and every spare dose is taken. You stay on the standby list for the next one.',
  ],
  [StandbyExceptionCode.OfferExpired]: [410, 'Offer expired', 'This offer has expired. You stay on the standby list for the next one.'],
  [StandbyExceptionCode.UntilInThePast]: [400, 'Time in the past', 'Choose a time later than now.', 'availableUntil'],
  [StandbyExceptionCode.AnnouncementNotFound]: [404, 'Not found', 'There is no such announcement.'],
};

export class StandbyException extends AppException {
  constructor(code: StandbyExceptionCode) {
    const [status, title, detail, field] = TEXT[code];
    super(code, status, title, detail, field ? [{ field, message: detail }] : undefined);
  }
}
