import { Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNoContentResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { FORMATS, TwilioStatusCallback, TwilioStatusQuery, VonageDeliveryReceipt } from '@vaccinate/api-contracts';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../../app-logger.token';
import { ContractBody, ContractQuery } from '../../../common/contract/contract.decorators';
import type { ApiConfig } from '../../../config/api-config';
import { API_CONFIG } from '../../../config/api-config.token';
import { Public } from '../../auth/access.decorators';
import { StandbyOfferRepository, type SmsReportTarget } from '../standby-offer.repository';
import { SmsCallbackException, SmsCallbackExceptionCode } from './sms-callback.exception';
import { twilioStatus, vonageStatus } from './sms-status';
import { twilioSignatureValid } from './twilio-sms-sender';
import { vonageReceiptFresh, vonageSignatureValid } from './vonage-sms-sender';

/**
 * Delivery status from the SMS providers: public routes, trusted only with a valid signature.
 * A callback finds its offer by the offer id sent with the text (Twilio's callback URL, Vonage's
 * client-ref), else by message id (texts sent before the id went along). Unknown ones are answered
 * 204 and change nothing, so the provider stops retrying them. Logged by offer id, message id and
 * status; the callbacks also carry the phone number, which is never logged.
 */
@ApiTags('sms')
@Controller('sms')
export class SmsCallbackController {
  constructor(
    private readonly offers: StandbyOfferRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  @Post('twilio/status')
  @HttpCode(204)
  @Public()
  @ApiNoContentResponse({ description: 'Status stored' })
  @ApiUnauthorizedResponse({ description: 'No X-Twilio-Signature' })
  @ApiForbiddenResponse({ description: 'The signature does not match' })
  async twilio(
    @ContractBody(TwilioStatusCallback) callback: TwilioStatusCallback,
    @ContractQuery(TwilioStatusQuery) query: TwilioStatusQuery,
    @Headers('x-twilio-signature') signature: string | undefined,
  ): Promise<void> {
    const sms = this.config.sms;
    if (sms.provider !== 'twilio') throw new SmsCallbackException(SmsCallbackExceptionCode.NotConfigured);
    if (!signature) throw new SmsCallbackException(SmsCallbackExceptionCode.Unsigned);
    if (!twilioSignatureValid(sms, this.config.publicUrl, signature, callback, query.offer)) throw new SmsCallbackException(SmsCallbackExceptionCode.BadSignature);
    const target = { provider: 'twilio', messageId: callback.MessageSid, offerId: query.offer } as const;
    await this.store(target, callback.MessageStatus, twilioStatus(callback.MessageStatus));
  }

  @Post('vonage/receipts')
  @HttpCode(204)
  @Public()
  @ApiNoContentResponse({ description: 'Status stored' })
  @ApiForbiddenResponse({ description: 'The signature does not match, or the receipt was signed too long ago (a replay)' })
  async vonage(@ContractBody(VonageDeliveryReceipt) receipt: VonageDeliveryReceipt): Promise<void> {
    const sms = this.config.sms;
    if (sms.provider !== 'vonage') throw new SmsCallbackException(SmsCallbackExceptionCode.NotConfigured);
    if (!vonageSignatureValid(sms, receipt)) throw new SmsCallbackException(SmsCallbackExceptionCode.BadSignature);
    if (!vonageReceiptFresh(receipt)) throw new SmsCallbackException(SmsCallbackExceptionCode.Stale);
    const reference = receipt['client-ref'];
    const offerId = reference !== undefined && FORMATS.uuid(reference) ? reference : undefined;
    await this.store({ provider: 'vonage', messageId: receipt.messageId, offerId }, receipt.status, vonageStatus(receipt.status));
  }

  private async store(target: SmsReportTarget, reported: string, status: ReturnType<typeof twilioStatus>): Promise<void> {
    const known = status ? await this.offers.updateSmsStatus(target, status) : true;
    const { provider, messageId, offerId } = target;
    this.logger.info({ sms: { provider, offer: offerId, messageId, reported, known } }, 'sms status callback');
  }
}
