import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OutboxModule } from '../outbox/outbox.module';
import { CertificateController } from './certificate.controller';
import { CertificateIssuanceService } from './certificate-issuance.service';
import { CertificateRecordListener } from './certificate-record.listener';
import { CertificateRepository } from './certificate.repository';
import { CertificateService } from './certificate.service';
import { CertificateSigner } from './certificate-signer';

@Module({
  imports: [AuditModule, OutboxModule],
  controllers: [CertificateController],
  providers: [CertificateService, CertificateIssuanceService, CertificateRepository, CertificateSigner, CertificateRecordListener],
  exports: [CertificateIssuanceService],
})
export class CertificateModule {}
