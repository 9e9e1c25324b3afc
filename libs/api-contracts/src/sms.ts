import { Type } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { Strict, Uuid } from './contract/schema';

const Field = (maxLength: number) => Type.String({ minLength: 1, maxLength });

/**
 * `POST /api/sms/twilio/status`: Twilio's status callback, form-encoded and signed (X-Twilio-Signature);
 * the fields not named here are kept, as the signature covers them.
 */
export const TwilioStatusCallback = contract(
  'TwilioStatusCallback',
  Type.Object({ MessageSid: Field(64), MessageStatus: Field(32) }, { additionalProperties: Type.String({ maxLength: 2000 }) }),
);
export type TwilioStatusCallback = Payload<typeof TwilioStatusCallback>;

/**
 * The query of Twilio's status callback URL: the offer the text was sent for, given with the send so a
 * report that arrives before the send's answer still finds it. Signed with the rest of the URL.
 */
export const TwilioStatusQuery = contract('TwilioStatusQuery', Strict({ offer: Type.Optional(Uuid('must be an offer id')) }));
export type TwilioStatusQuery = Payload<typeof TwilioStatusQuery>;

/**
 * `POST /api/sms/vonage/receipts`: a Vonage delivery receipt, signed with the account's signature secret (`sig`);
 * `client-ref` echoes the reference the text was sent with: our offer id, or anything another system sending from
 * the same account chose (acknowledged and ignored, since Vonage retries every refused receipt).
 */
export const VonageDeliveryReceipt = contract(
  'VonageDeliveryReceipt',
  Type.Object(
    { messageId: Field(64), status: Field(32), sig: Field(200), 'client-ref': Type.Optional(Field(100)) },
    { additionalProperties: Type.String({ maxLength: 2000 }) },
  ),
);
export type VonageDeliveryReceipt = Payload<typeof VonageDeliveryReceipt>;
