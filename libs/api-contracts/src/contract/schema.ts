import { Type, type TLiteral, type TObject, type TProperties, type TSchema, type TString, type TUnion, type StringOptions } from '@sinclair/typebox';
import './formats';

/**
 * Annotations the contracts add to JSON Schema, as OpenAPI `x-` extensions:
 * `x-error-message` is what a field problem says when the value breaks the node's format or pattern;
 * `x-trim` marks a string the API trims before it checks it.
 */
export const ERROR_MESSAGE = 'x-error-message';
export const TRIM = 'x-trim';
/** `x-normalize` names the reading applied to a string before it is checked (see `NORMALIZERS`). */
export const NORMALIZE = 'x-normalize';

/** An object that refuses fields it does not declare. */
export const Strict = <P extends TProperties>(properties: P, options: { description?: string; title?: string } = {}): TObject<P> =>
  Type.Object(properties, { ...options, additionalProperties: false });

/** A string trimmed before it is checked (names, e-mail addresses typed by people). */
export const Trimmed = (options: StringOptions & { [ERROR_MESSAGE]?: string } = {}): TString => Type.String({ ...options, [TRIM]: true });

/** A string with a pattern or format and the sentence a person reads when it does not match. */
export const Text = (message: string, options: StringOptions): TString => Type.String({ ...options, [ERROR_MESSAGE]: message });

/** A value that may also be null: accepted where clients send null for "none". */
export const Nullable = <S extends TSchema>(schema: S) =>
  Type.Union([schema, Type.Null()], { [ERROR_MESSAGE]: schema[ERROR_MESSAGE], ...(schema[NORMALIZE] ? { [NORMALIZE]: schema[NORMALIZE] } : {}) });

/** One of a few strings. */
export const OneOf = <const V extends readonly [string, ...string[]]>(values: V, options: { description?: string } = {}): TUnion<TLiteral<V[number]>[]> =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { ...options, [ERROR_MESSAGE]: `must be one of the following values: ${values.join(', ')}` },
  );

/** One line of text people type (names, addresses): trimmed, never empty, no control characters. */
export const SingleLine = (maxLength: number, options: StringOptions = {}): TString =>
  Trimmed({ ...options, minLength: 1, maxLength, pattern: '^[^\\u0000-\\u001f\\u007f]*$', [ERROR_MESSAGE]: 'must be a single line without control characters' });

/** A booking code as typed or scanned: read with or without dash or spaces, in any case (see `normalizeBookingCode`). */
export const BookingCodeText = (): TString =>
  Type.String({ minLength: 1, maxLength: 40, [NORMALIZE]: 'booking-code', examples: ['K7M2-Q9XD', 'k7m2q9xd'], [ERROR_MESSAGE]: 'must be a booking code' });

export const Uuid = (message: string) => Text(message, { format: 'uuid' });
export const IsoDate = (message = 'must be a date (YYYY-MM-DD)') => Text(message, { format: 'date' });
export const BirthDate = () => Text('must be a date (YYYY-MM-DD) between 1900-01-01 and today', { format: 'birth-date' });
export const Email = () => Trimmed({ format: 'email', maxLength: 254, [ERROR_MESSAGE]: 'must be a valid e-mail address' });
export const Locale = () => OneOf(['de', 'en']);

/**
 * A mobile or landline number as typed; read into E.164 (+4930123456), a number without a country code
 * in the tenant's country (the check's `phoneRegion`, see `normalizePhoneNumber`).
 */
export const PhoneNumber = (options: { description?: string } = {}): TString =>
  Type.String({
    ...options,
    maxLength: 40,
    format: 'phone-e164',
    [NORMALIZE]: 'phone',
    examples: ['+49 30 1234567', '030 1234567'],
    [ERROR_MESSAGE]: "must be a phone number that exists, with its country code (+43 ...) when it is not of the tenant's country",
  });
