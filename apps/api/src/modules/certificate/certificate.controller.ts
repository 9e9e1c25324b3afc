import { Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { CertificateRevocationList, IdParam, IssuedCertificateResponse } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractParams } from '../../common/contract/contract.decorators';
import { Public, RequireRole } from '../auth/access.decorators';
import { CertificateService } from './certificate.service';

@ApiTags('certificates')
@Controller()
export class CertificateController {
  constructor(private readonly certificates: CertificateService) {}

  @Post('vaccinations/:id/certificates')
  @HttpCode(201)
  @RequireRole('doctor')
  @ContractAnswer(201, IssuedCertificateResponse, 'Issued; the link is mailed to the person')
  @ApiNotFoundResponse({ description: 'No such vaccination' })
  @ApiConflictResponse({ description: 'The vaccination was superseded by a correction' })
  issue(@ContractParams(IdParam) { id }: IdParam): Promise<IssuedCertificateResponse> {
    return this.certificates.issueOnRequest(id);
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
}
