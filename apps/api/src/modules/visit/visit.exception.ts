import { AppException } from '../../common/problem/app-exception';

export enum VisitExceptionCode {
  NotFound = 'visit.not_found',
  AppointmentNotFound = 'visit.appointment_not_found',
  AlreadyCheckedIn = 'visit.already_checked_in',
  DayNotRunning = 'visit.day_not_running',
  WrongState = 'visit.wrong_state',
  VersionConflict = 'visit.version_conflict',
  ConsentMissing = 'visit.consent_missing',
  QuestionnaireChanged = 'visit.questionnaire_changed',
  NoCapacity = 'visit.no_capacity',
  AlreadyBooked = 'visit.already_booked',
  FollowUpOutOfWindow = 'visit.follow_up_out_of_window',
  SlotFull = 'visit.slot_full',
  NotVaccinated = 'visit.not_vaccinated',
  FlagsNotAcknowledged = 'visit.flags_not_acknowledged',
  NothingFlagged = 'visit.nothing_flagged',
  ObservationRunning = 'visit.observation_running',
}

const ANSWERS: Record<VisitExceptionCode, [number, string, string]> = {
  [VisitExceptionCode.NotFound]: [404, 'Visit not found', 'No visit has this id.'],
  [VisitExceptionCode.AppointmentNotFound]: [404, 'No such appointment on this day', 'Check the booking code, or search the name among today’s appointments.'],
  [VisitExceptionCode.AlreadyCheckedIn]: [409, 'Already checked in', 'This appointment was checked in already; open it from the board.'],
  [VisitExceptionCode.DayNotRunning]: [409, 'This vaccination day is not running', 'Check-in and documentation are open on the day itself only.'],
  [VisitExceptionCode.WrongState]: [409, 'Not possible in this step', 'The visit is in another step; reload the board.'],
  [VisitExceptionCode.VersionConflict]: [409, 'The visit was changed meanwhile', 'Reload it and try again.'],
  [VisitExceptionCode.ConsentMissing]: [409, 'Questions and consent are missing', 'The questionnaire must be answered and consent given before vaccination.'],
  [VisitExceptionCode.QuestionnaireChanged]: [409, 'The questionnaire was changed', 'Reload the questions and answer the current version.'],
  [VisitExceptionCode.NoCapacity]: [409, 'No place left today', 'No later slot of this day has room, or its lots have no doses left.'],
  [VisitExceptionCode.AlreadyBooked]: [409, 'This person has a booking', 'Check the person in with their booking instead.'],
  [VisitExceptionCode.FollowUpOutOfWindow]: [409, 'Outside the interval', 'The next dose must be given inside the product’s interval.'],
  [VisitExceptionCode.SlotFull]: [409, 'That slot is full', 'Choose another slot.'],
  [VisitExceptionCode.NotVaccinated]: [409, 'No dose documented yet', 'Document the vaccination before check-out.'],
  [VisitExceptionCode.FlagsNotAcknowledged]: [
    409,
    'Flagged answers not acknowledged',
    'An answer of the questionnaire is flagged: a doctor must acknowledge it before the dose is documented.',
  ],
  [VisitExceptionCode.NothingFlagged]: [409, 'No answer is flagged', 'There is nothing to acknowledge for this visit.'],
  [VisitExceptionCode.ObservationRunning]: [
    409,
    'Observation is still running',
    'The observation period has not ended: give the reason why the person leaves early (earlyReason).',
  ],
};

export class VisitException extends AppException {
  constructor(code: VisitExceptionCode, detail?: string) {
    const [status, title, fallback] = ANSWERS[code];
    super(code, status, title, detail ?? fallback);
  }
}
