import { Type } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';

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

/** `POST /api/sms/vonage/receipts`: a Vonage delivery receipt, signed with the account's signature secret (`sig`). */
export const VonageDeliveryReceipt = contract(
  'VonageDeliveryReceipt',
  Type.Object({ messageId: Field(64), status: Field(32), sig: Field(200) }, { additionalProperties: Type.String({ maxLength: 2000 }) }),
);
export type VonageDeliveryReceipt = Payload<typeof VonageDeliveryReceipt>;
