import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { CheckOutPlan, CheckOutRequest, DocumentVaccinationRequest, IdParam, Vaccination, VisitAnswersChange, VisitDetail, VisitVersion } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractBody, ContractParams } from '../../common/contract/contract.decorators';
import { RequireRole } from '../auth/access.decorators';
import { DocumentationService } from './documentation.service';
import { CheckOutService } from './check-out.service';
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
  @ContractAnswer(200, VisitDetail, 'The visit with the person, answers, usable lots and the documented dose (audited read)')
  get(@ContractParams(IdParam) { id }: IdParam): Promise<VisitDetail> {
    return this.visits.detail(id);
  }

  @Put(':id/answers')
  @RequireRole('assistant')
  @ContractAnswer(200, VisitDetail, 'Answers and consent stored (encrypted)')
  @ApiConflictResponse({ description: 'visit.questionnaire_changed, visit.version_conflict, visit.wrong_state' })
  answer(@ContractParams(IdParam) { id }: IdParam, @ContractBody(VisitAnswersChange) change: VisitAnswersChange): Promise<VisitDetail> {
    const { version, ...answers } = change;
    return this.visits.answer(id, answers, version);
  }

  @Post(':id/consultation')
  @HttpCode(200)
  @RequireRole('doctor')
  @ContractAnswer(200, VisitDetail, 'The doctor took the person in')
  @ApiConflictResponse({ description: 'visit.consent_missing, visit.wrong_state' })
  consult(@ContractParams(IdParam) { id }: IdParam, @ContractBody(VisitVersion) { version }: VisitVersion): Promise<VisitDetail> {
    return this.visits.startConsultation(id, version);
  }

  @Post(':id/flags-acknowledgement')
  @HttpCode(200)
  @RequireRole('doctor')
  @ContractAnswer(200, VisitDetail, 'The doctor acknowledged the flagged answers (who and when are stored and audited); the dose can be documented')
  @ApiConflictResponse({ description: 'visit.nothing_flagged, visit.version_conflict, visit.wrong_state' })
  acknowledgeFlags(@ContractParams(IdParam) { id }: IdParam, @ContractBody(VisitVersion) { version }: VisitVersion): Promise<VisitDetail> {
    return this.visits.acknowledgeFlags(id, version);
  }

  @Post(':id/vaccination')
  @RequireRole('doctor')
  @ContractAnswer(201, Vaccination, 'Documented; the lot gave one dose and observation started')
  @ApiConflictResponse({
    description: 'vaccination.out_of_stock, vaccination.lot_expired, vaccination.already_documented, visit.consent_missing, visit.flags_not_acknowledged',
  })
  document(@ContractParams(IdParam) { id }: IdParam, @ContractBody(DocumentVaccinationRequest) request: DocumentVaccinationRequest): Promise<Vaccination> {
    return this.documentation.document(id, request);
  }

  @Get(':id/check-out')
  @RequireRole('assistant')
  @ContractAnswer(200, CheckOutPlan, 'The next dose: its window and the reserved appointment, if any')
  plan(@ContractParams(IdParam) { id }: IdParam): Promise<CheckOutPlan> {
    return this.checkOuts.plan(id);
  }

  @Post(':id/check-out')
  @HttpCode(200)
  @RequireRole('assistant')
  @ContractAnswer(200, VisitDetail, 'Checked out; the next appointment confirmed, moved or booked and mailed')
  @ApiConflictResponse({ description: 'visit.follow_up_out_of_window, visit.slot_full, visit.not_vaccinated, visit.observation_running' })
  checkOut(@ContractParams(IdParam) { id }: IdParam, @ContractBody(CheckOutRequest) request: CheckOutRequest): Promise<VisitDetail> {
    return this.checkOuts.checkOut(id, request);
  }
}
