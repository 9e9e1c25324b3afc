import { Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { SignsCertificates } from '../record-events/signs-certificates';
import { CertificateLinkRequest, CertificateLinkToken, CertificateRevocationList, DccTrustList, IdParam, IssuedCertificateResponse } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractBody, ContractParams } from '../../common/contract/contract.decorators';
import { RateLimit } from '../../common/rate-limit';
import { Public, RequireRole } from '../auth/access.decorators';
import { CertificateSigner } from './certificate-signer';
import { CertificateService } from './certificate.service';

@ApiTags('certificates')
@Controller()
export class CertificateController {
  constructor(
    private readonly certificates: CertificateService,
    private readonly signer: CertificateSigner,
  ) {}

  @Post('vaccinations/:id/certificates')
  @HttpCode(201)
  @RequireRole('doctor')
  @ContractAnswer(201, IssuedCertificateResponse, 'Issued; the link is mailed to the person')
  @ApiNotFoundResponse({ description: 'No such vaccination' })
  @ApiConflictResponse({ description: 'The vaccination was superseded by a correction' })
  @SignsCertificates()
  issue(@ContractParams(IdParam) { id }: IdParam): Promise<IssuedCertificateResponse> {
    return this.certificates.issueOnRequest(id);
  }

  @Post('certificates/links')
  @HttpCode(200)
  @Public()
  @RateLimit('manage')
  @Header('cache-control', 'no-store')
  @ContractAnswer(200, CertificateLinkToken, "The token behind the certificate mail's short link")
  @ApiNotFoundResponse({ description: 'certificate.link_not_found: unknown or expired' })
  exchangeLink(@ContractBody(CertificateLinkRequest) body: CertificateLinkRequest): Promise<CertificateLinkToken> {
    return this.certificates.exchangeLink(body.reference);
  }

  @Get('certificates/revocations')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  // Public data for verifiers on any origin.
  @Header('access-control-allow-origin', '*')
  @ContractAnswer(200, CertificateRevocationList, 'Revoked certificate identifiers (UVCI), newest first')
  revocations(): Promise<CertificateRevocationList> {
    return this.certificates.revocations();
  }

  @Get('certificates/trust-list')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  @Header('access-control-allow-origin', '*')
  @ContractAnswer(200, DccTrustList, 'The Document Signer Certificates of the EU DCC (HC1) codes and their CSCA, in the DCC Gateway trust-list shape')
  trustList(): DccTrustList {
    return this.signer.trustList();
  }
}
