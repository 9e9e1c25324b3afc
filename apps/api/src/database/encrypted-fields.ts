import { FieldCodec, IndexedFieldCodec, normalizeEmail, normalizeIdentifier } from '@vaccinate/field-encryption';

/*
 * Every encrypted column's codec, and the only place an encryption context is spelled. A context is
 * bound into each ciphertext (and each blind index), so these strings never change: values written
 * under them must keep decrypting.
 */

/** `person`; `person_revision` keeps copies of these values, sealed to the same contexts. */
export const personFields = {
  givenName: new FieldCodec('person.givenName'),
  familyName: new FieldCodec('person.familyName'),
  email: new IndexedFieldCodec('person.email', normalizeEmail),
  birthDate: new FieldCodec('person.birthDate'),
  phone: new FieldCodec('person.phone'),
  employeeNumber: new IndexedFieldCodec('person.employeeNumber', normalizeIdentifier),
  department: new FieldCodec('person.department'),
  /** Blind-index tokens of name prefixes (`person_name_token`); the value is an already normalised prefix. */
  namePrefix: new IndexedFieldCodec('person.namePrefix', (prefix) => prefix),
  /** After erasure: names and birth date as JSON, read only by doctors for the documentation the law keeps. */
  retainedIdentity: new FieldCodec('person.retainedIdentity'),
} as const;

export const personRevisionFields = {
  reason: new FieldCodec('personRevision.reason'),
} as const;

/** `registration`; a standby member made from a registration is read through these too. */
export const registrationFields = {
  givenName: new FieldCodec('registration.givenName'),
  familyName: new FieldCodec('registration.familyName'),
  email: new IndexedFieldCodec('registration.email', normalizeEmail),
  birthDate: new FieldCodec('registration.birthDate'),
  phone: new FieldCodec('registration.phone'),
  /** Occupations, answers and locale, as JSON. */
  profile: new FieldCodec('registration.profile'),
} as const;

export const standbyMemberFields = {
  givenName: new FieldCodec('standby_member.givenName'),
  email: new FieldCodec('standby_member.email'),
  phone: new FieldCodec('standby_member.phone'),
  birthDate: new FieldCodec('standby_member.birthDate'),
} as const;

export const staffFields = {
  email: new IndexedFieldCodec('staff.email', normalizeEmail),
  displayName: new FieldCodec('staff.displayName'),
} as const;

export const bookingFields = {
  manageToken: new FieldCodec('booking.manageToken'),
} as const;

export const visitFields = {
  /** The questionnaire answers, as JSON. */
  answers: new FieldCodec('visit.answers'),
  earlyCheckOutReason: new FieldCodec('visit.earlyCheckOutReason'),
} as const;

export const vaccinationFields = {
  doseNumberReason: new FieldCodec('vaccination.doseNumberReason'),
  correctionReason: new FieldCodec('vaccination.correctionReason'),
} as const;

export const adverseReactionFields = {
  description: new FieldCodec('adverseReaction.description'),
} as const;

/** `certificate_link`: the certificate token a short link stands for. */
export const certificateLinkFields = {
  token: new FieldCodec('certificateLink.token'),
} as const;

export const outboxFields = {
  /** The message, as JSON. */
  payload: new FieldCodec('outbox.payload'),
} as const;

/** A ciphertext column, its codec, and the blind-index column kept beside it, if any. */
export interface EncryptedColumn {
  table: string;
  column: string;
  codec: FieldCodec;
  indexColumn?: string;
}

const revisedPersonFields = (table: string): EncryptedColumn[] => [
  { table, column: 'given_name_encrypted', codec: personFields.givenName },
  { table, column: 'family_name_encrypted', codec: personFields.familyName },
  { table, column: 'birth_date_encrypted', codec: personFields.birthDate },
  { table, column: 'phone_encrypted', codec: personFields.phone },
];

/**
 * Every encrypted column of the tenant database. A key can only be retired once nothing is sealed
 * under it any more, so re-encryption walks all of them; a test fails when a `*_encrypted` column is missing here.
 */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  ...revisedPersonFields('person'),
  { table: 'person', column: 'email_encrypted', codec: personFields.email, indexColumn: 'email_index' },
  { table: 'person', column: 'employee_number_encrypted', codec: personFields.employeeNumber, indexColumn: 'employee_number_index' },
  { table: 'person', column: 'department_encrypted', codec: personFields.department },
  { table: 'person', column: 'retained_identity_encrypted', codec: personFields.retainedIdentity },
  ...revisedPersonFields('person_revision'),
  { table: 'person_revision', column: 'email_encrypted', codec: personFields.email },
  { table: 'person_revision', column: 'employee_number_encrypted', codec: personFields.employeeNumber },
  { table: 'person_revision', column: 'reason_encrypted', codec: personRevisionFields.reason },
  { table: 'registration', column: 'given_name_encrypted', codec: registrationFields.givenName },
  { table: 'registration', column: 'family_name_encrypted', codec: registrationFields.familyName },
  { table: 'registration', column: 'email_encrypted', codec: registrationFields.email, indexColumn: 'email_index' },
  { table: 'registration', column: 'birth_date_encrypted', codec: registrationFields.birthDate },
  { table: 'registration', column: 'phone_encrypted', codec: registrationFields.phone },
  { table: 'registration', column: 'profile_encrypted', codec: registrationFields.profile },
  { table: 'staff_account', column: 'email_encrypted', codec: staffFields.email, indexColumn: 'email_index' },
  { table: 'staff_account', column: 'display_name_encrypted', codec: staffFields.displayName },
  { table: 'booking', column: 'manage_token_encrypted', codec: bookingFields.manageToken },
  { table: 'visit', column: 'answers_encrypted', codec: visitFields.answers },
  { table: 'visit', column: 'early_check_out_reason_encrypted', codec: visitFields.earlyCheckOutReason },
  { table: 'vaccination', column: 'dose_number_reason_encrypted', codec: vaccinationFields.doseNumberReason },
  { table: 'vaccination', column: 'correction_reason_encrypted', codec: vaccinationFields.correctionReason },
  { table: 'adverse_reaction', column: 'description_encrypted', codec: adverseReactionFields.description },
  { table: 'outbox_message', column: 'payload_encrypted', codec: outboxFields.payload },
  { table: 'certificate_link', column: 'token_encrypted', codec: certificateLinkFields.token },
  { table: 'standby_member', column: 'given_name_encrypted', codec: standbyMemberFields.givenName },
  { table: 'standby_member', column: 'email_encrypted', codec: standbyMemberFields.email },
  { table: 'standby_member', column: 'phone_encrypted', codec: standbyMemberFields.phone },
  { table: 'standby_member', column: 'birth_date_encrypted', codec: standbyMemberFields.birthDate },
];
