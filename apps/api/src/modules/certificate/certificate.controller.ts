import { Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CertificateRevocationList, IssuedCertificateResponse } from '@vaccinate/api-contracts';
import { uuidParam } from '../../common/id-param.pipe';
import { Public, RequireRole } from '../auth/access.decorators';
import { CertificateRevocationListDto, IssuedCertificateResponseDto } from './dto/certificate-response.dto';
import { CertificateService } from './certificate.service';

@ApiTags('certificates')
@Controller()
export class CertificateController {
  constructor(private readonly certificates: CertificateService) {}

  @Post('vaccinations/:id/certificates')
  @HttpCode(201)
  @RequireRole('doctor')
  @ApiCreatedResponse({ type: IssuedCertificateResponseDto, description: 'Issued; the link is mailed to the person' })
  @ApiNotFoundResponse({ description: 'No such vaccination' })
  @ApiConflictResponse({ description: 'The vaccination was superseded by a correction' })
  issue(@Param('id', uuidParam()) id: string): Promise<IssuedCertificateResponse> {
    return this.certificates.issueOnRequest(id);
  }

  @Get('certificates/revocations')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  // Public data for verifiers on any origin.
  @Header('access-control-allow-origin', '*')
  @ApiOkResponse({ type: CertificateRevocationListDto, description: 'Revoked certificate identifiers (UVCI), newest first' })
  revocations(): Promise<CertificateRevocationList> {
    return this.certificates.revocations();
  }
}
