import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { OutboxModule } from '../outbox/outbox.module';
import { CertificateController } from './certificate.controller';
import { CertificateIssuanceService } from './certificate-issuance.service';
import { CertificateRecordListener } from './certificate-record.listener';
import { CertificateLinkRepository } from './certificate-link.repository';
import { CertificateRepository } from './certificate.repository';
import { CertificateService } from './certificate.service';
import { CertificateSigner } from './certificate-signer';
import { WellKnownController } from './well-known.controller';

@Module({
  imports: [AuditModule, AuthModule, OutboxModule],
  controllers: [CertificateController, WellKnownController],
  providers: [CertificateService, CertificateIssuanceService, CertificateRepository, CertificateLinkRepository, CertificateSigner, CertificateRecordListener],
  exports: [CertificateIssuanceService],
})
export class CertificateModule {}
