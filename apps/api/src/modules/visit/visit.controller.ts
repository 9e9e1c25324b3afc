import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CheckOutPlan, CheckOutRequest, Vaccination, VisitDetail } from '@vaccinate/api-contracts';
import { uuidParam } from '../../common/id-param.pipe';
import { ValidationException } from '../../common/problem/app-exception';
import { RequireRole } from '../auth/access.decorators';
import { DocumentationService } from './documentation.service';
import { DocumentVaccinationDto } from '../vaccination/dto/vaccination.dto';
import { CheckOutService } from './check-out.service';
import { AnswersDto, CheckOutDto, VersionDto } from './dto/visit-change.dto';
import { VisitService } from './visit.service';

@ApiTags('day-run')
@Controller('visits')
export class VisitController {
  constructor(
    private readonly visits: VisitService,
    private readonly documentation: DocumentationService,
    private readonly checkOuts: CheckOutService,
  ) {}

  @Get(':id')
  @RequireRole('assistant')
  @ApiOkResponse({ description: 'The visit with the person, answers, usable lots and the documented dose (audited read)' })
  get(@Param('id', uuidParam()) id: string): Promise<VisitDetail> {
    return this.visits.detail(id);
  }

  @Put(':id/answers')
  @RequireRole('assistant')
  @ApiOkResponse({ description: 'Answers and consent stored (encrypted)' })
  @ApiConflictResponse({ description: 'visit.questionnaire_changed, visit.version_conflict, visit.wrong_state' })
  answer(@Param('id', uuidParam()) id: string, @Body() dto: AnswersDto): Promise<VisitDetail> {
    const { version, ...answers } = dto;
    return this.visits.answer(id, answers, version);
  }

  @Post(':id/consultation')
  @HttpCode(200)
  @RequireRole('doctor')
  @ApiOkResponse({ description: 'The doctor took the person in' })
  @ApiConflictResponse({ description: 'visit.consent_missing, visit.wrong_state' })
  consult(@Param('id', uuidParam()) id: string, @Body() dto: VersionDto): Promise<VisitDetail> {
    return this.visits.startConsultation(id, dto.version);
  }

  @Post(':id/vaccination')
  @RequireRole('doctor')
  @ApiCreatedResponse({ description: 'Documented; the lot gave one dose and observation started' })
  @ApiConflictResponse({ description: 'vaccination.out_of_stock, vaccination.lot_expired, vaccination.already_documented, visit.consent_missing' })
  document(@Param('id', uuidParam()) id: string, @Body() dto: DocumentVaccinationDto): Promise<Vaccination> {
    return this.documentation.document(id, dto);
  }

  @Get(':id/check-out')
  @RequireRole('assistant')
  @ApiOkResponse({ description: 'The next dose: its window and the reserved appointment, if any' })
  plan(@Param('id', uuidParam()) id: string): Promise<CheckOutPlan> {
    return this.checkOuts.plan(id);
  }

  @Post(':id/check-out')
  @HttpCode(200)
  @RequireRole('assistant')
  @ApiOkResponse({ description: 'Checked out; the next appointment confirmed, moved or booked and mailed' })
  @ApiConflictResponse({ description: 'visit.follow_up_out_of_window, visit.slot_full, visit.not_vaccinated' })
  checkOut(@Param('id', uuidParam()) id: string, @Body() dto: CheckOutDto): Promise<VisitDetail> {
    return this.checkOuts.checkOut(id, checkOutRequest(dto));
  }
}

function checkOutRequest(dto: CheckOutDto): CheckOutRequest {
  const { action, slotId } = dto.followUp;
  if (action === 'move' || action === 'book') {
    if (!slotId) throw new ValidationException([{ field: 'followUp.slotId', message: `is required to ${action} the next dose` }]);
    return { followUp: { action, slotId }, version: dto.version };
  }
  return { followUp: { action }, version: dto.version };
}
