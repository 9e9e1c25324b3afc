import { ApiProperty } from '@nestjs/swagger';
import type { CertificateRevocation, CertificateRevocationList, IssuedCertificateResponse } from '@vaccinate/api-contracts';

export class IssuedCertificateResponseDto implements IssuedCertificateResponse {
  @ApiProperty({ example: 'URN:UVCI:01:DE:ACME/8H2K4M6P9Q1R3S5T7V0W2X4Y6Z#E' }) certificateId!: string;
  @ApiProperty({ format: 'uuid' }) vaccinationId!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class CertificateRevocationDto implements CertificateRevocation {
  @ApiProperty({ description: 'UVCI, the ci of the EU DCC' }) certificateId!: string;
  @ApiProperty({ description: 'vc.rid of the SMART Health Card' }) shcRevocationId!: string;
  @ApiProperty({ format: 'date-time' }) revokedAt!: string;
}

export class CertificateRevocationListDto implements CertificateRevocationList {
  @ApiProperty({ example: 'https://acme.vaccinate.example' }) issuer!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: [CertificateRevocationDto] }) revoked!: CertificateRevocationDto[];
}
