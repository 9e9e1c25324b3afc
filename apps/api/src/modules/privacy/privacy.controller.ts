import { Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { IdParam, PersonErasure, PersonExport, RetainedIdentity } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractParams, MediaAnswer } from '../../common/contract/contract.decorators';
import { RequireRole } from '../auth/access.decorators';
import { PersonErasureService } from './person-erasure.service';
import { PersonExportService } from './person-export.service';

@ApiTags('privacy')
@Controller('people')
export class PrivacyController {
  constructor(
    private readonly erasure: PersonErasureService,
    private readonly exports: PersonExportService,
  ) {}

  @Get(':id/export')
  @RequireRole('doctor')
  @ContractAnswer(200, PersonExport, 'Everything held about the person, and who read or changed the record (audited export)')
  @ApiNotFoundResponse({ description: 'No such person, or erased' })
  export(@ContractParams(IdParam) { id }: IdParam): Promise<PersonExport> {
    return this.exports.export(id);
  }

  @Get(':id/export.html')
  @RequireRole('doctor')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="personal-data.html"')
  @MediaAnswer(200, 'text/html', 'The same export as a readable page (audited export)')
  @ApiNotFoundResponse({ description: 'No such person, or erased' })
  exportHtml(@ContractParams(IdParam) { id }: IdParam): Promise<string> {
    return this.exports.exportHtml(id);
  }

  @Post(':id/erasure')
  @HttpCode(200)
  @RequireRole('doctor')
  @ContractAnswer(200, PersonErasure, 'Erased: personal data deleted; vaccination documentation kept pseudonymised for doctors')
  @ApiNotFoundResponse({ description: 'No such person, or already erased' })
  @ApiConflictResponse({ description: 'A booked appointment is still ahead' })
  erase(@ContractParams(IdParam) { id }: IdParam): Promise<PersonErasure> {
    return this.erasure.erase(id);
  }

  @Get(':id/retained-identity')
  @RequireRole('doctor')
  @ContractAnswer(200, RetainedIdentity, 'Who an erased person was, while their vaccination documentation is kept (audited read)')
  @ApiNotFoundResponse({ description: 'Not erased, or nothing kept' })
  retainedIdentity(@ContractParams(IdParam) { id }: IdParam): Promise<RetainedIdentity> {
    return this.erasure.retainedIdentity(id);
  }
}
