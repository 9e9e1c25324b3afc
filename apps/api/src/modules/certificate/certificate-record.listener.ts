import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import { RecordEvents, type RecordListener } from '../record-events/record-events';
import { CertificateException, CertificateExceptionCode } from './certificate.exception';
import { CertificateIssuanceService } from './certificate-issuance.service';

const DOCUMENTATION_KEEPS = new Set<string>([CertificateExceptionCode.HolderIncomplete, CertificateExceptionCode.SignerNotValid]);

/** Follows documentations and corrections: a certificate for each new dose, revocation and re-issue on corrections. */
@Injectable()
export class CertificateRecordListener implements RecordListener, OnModuleInit {
  constructor(
    private readonly events: RecordEvents,
    private readonly issuance: CertificateIssuanceService,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  async vaccinationDocumented(client: PoolClient, vaccinationId: string): Promise<void> {
    try {
      await this.issuance.issue(client, vaccinationId, 'documented');
    } catch (error) {
      // A person record that cannot carry a certificate, or a lapsed DSC, must not undo the documentation:
      // staff issue the certificate once the record is fixed or the operator has rotated the key.
      if (!(error instanceof CertificateException && DOCUMENTATION_KEEPS.has(error.code))) throw error;
      this.logger.warn({ vaccinationId, code: error.code }, 'certificate not issued');
    }
  }

  vaccinationCorrected(client: PoolClient, previousId: string, currentId: string): Promise<void> {
    return this.issuance.reissueAfterVaccinationCorrection(client, previousId, currentId);
  }

  personCorrected(client: PoolClient, personId: string): Promise<void> {
    return this.issuance.reissueAfterPersonCorrection(client, personId);
  }
}
