import type { FieldProblem } from '@vaccinate/api-contracts';
import { AppException } from '../../common/problem/app-exception';

export enum BookingExceptionCode {
  SlotNotFound = 'booking.slot_not_found',
  SlotFull = 'booking.slot_full',
  SoldOut = 'booking.sold_out',
  NotOffered = 'booking.not_offered',
  FollowUpRequired = 'booking.follow_up_required',
  FollowUpOutOfWindow = 'booking.follow_up_out_of_window',
  NoFollowUp = 'booking.no_follow_up',
  AlreadyBooked = 'booking.already_booked',
  NotEligible = 'booking.not_eligible',
  EmployeeNumberTaken = 'booking.employee_number_taken',
  CaptchaInvalid = 'captcha.invalid',
  IdempotencyKeyInvalid = 'booking.idempotency_key_invalid',
  IdempotencyKeyReused = 'booking.idempotency_key_reused',
  NotFound = 'booking.not_found',
  Cancelled = 'booking.cancelled',
  AppointmentNotFound = 'booking.appointment_not_found',
  TooLateToChange = 'booking.too_late_to_change',
}

const TEXT: Record<BookingExceptionCode, [number, string, string, string?]> = {
  [BookingExceptionCode.SlotNotFound]: [404, 'Time not found', 'This time does not exist any more. Choose another one.', 'slotId'],
  [BookingExceptionCode.SlotFull]: [409, 'This time was just taken', 'Someone was faster. Please choose another time.', 'slotId'],
  [BookingExceptionCode.SoldOut]: [409, 'Fully booked', 'All doses of this day are booked. Choose another day, or join the waiting list and we will offer you a time.'],
  [BookingExceptionCode.NotOffered]: [400, 'Not offered at this time', 'This vaccine or dose is not offered at this time.', 'slotId'],
  [BookingExceptionCode.FollowUpRequired]: [400, 'Choose the second appointment', 'This vaccine needs a second dose: choose its appointment too.', 'followUpSlotId'],
  [BookingExceptionCode.FollowUpOutOfWindow]: [
    400,
    'Second appointment outside the interval',
    'The second dose must be given within the interval this vaccine requires.',
    'followUpSlotId',
  ],
  [BookingExceptionCode.NoFollowUp]: [400, 'No second dose', 'This vaccine is given as a single dose.', 'followUpSlotId'],
  [BookingExceptionCode.AlreadyBooked]: [409, 'Already booked', 'You already have a booking for this vaccine. Use the link in your confirmation e-mail to change it.'],
  [BookingExceptionCode.NotEligible]: [422, 'Not eligible', 'This vaccine is not given at your age.', 'person.birthDate'],
  [BookingExceptionCode.EmployeeNumberTaken]: [
    409,
    'Employee number in use',
    'This employee number belongs to another person. Check it, or leave it empty.',
    'person.employeeNumber',
  ],
  [BookingExceptionCode.CaptchaInvalid]: [400, 'Please try again', 'The automatic check did not pass. Reload the page and try again.', 'captcha'],
  [BookingExceptionCode.IdempotencyKeyInvalid]: [400, 'Missing request key', 'Send an Idempotency-Key header of 16 to 64 letters, digits or hyphens.', 'Idempotency-Key'],
  [BookingExceptionCode.IdempotencyKeyReused]: [422, 'Request key reused', 'This Idempotency-Key was used for a different booking.', 'Idempotency-Key'],
  [BookingExceptionCode.NotFound]: [404, 'Booking not found', 'This link is not valid. Use the link from your latest e-mail.'],
  [BookingExceptionCode.Cancelled]: [409, 'Booking cancelled', 'This booking was cancelled. You can book again.'],
  [BookingExceptionCode.AppointmentNotFound]: [404, 'Appointment not found', 'This booking has no such appointment.', 'appointmentId'],
  [BookingExceptionCode.TooLateToChange]: [409, 'Too late to change', 'This appointment has already started or passed.'],
};

export class BookingException extends AppException {
  constructor(code: BookingExceptionCode, detail?: string) {
    const [status, title, defaultDetail, field] = TEXT[code];
    const text = detail ?? defaultDetail;
    super(code, status, title, text, field ? [{ field, message: text } satisfies FieldProblem] : undefined);
  }
}
