import { Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { AdverseReactionRequest, IdParam, LotWasteRecorded, LotWasteRequest, PersonHistory, Vaccination, VaccinationCorrection } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractBody, ContractParams } from '../../common/contract/contract.decorators';
import { RequireRole } from '../auth/access.decorators';
import { SignsCertificates } from '../record-events/signs-certificates';
import { CorrectionService } from './correction.service';
import { PersonHistoryService } from './person-history.service';
import { WasteService } from './waste.service';

@ApiTags('vaccinations')
@Controller()
export class VaccinationController {
  constructor(
    private readonly corrections: CorrectionService,
    private readonly history: PersonHistoryService,
    private readonly waste: WasteService,
  ) {}

  @Post('vaccinations/:id/corrections')
  @RequireRole('doctor')
  @ContractAnswer(201, Vaccination, 'The corrected record; the old one stays in the history as superseded')
  @ApiConflictResponse({ description: 'vaccination.not_current' })
  @SignsCertificates()
  correct(@ContractParams(IdParam) { id }: IdParam, @ContractBody(VaccinationCorrection) correction: VaccinationCorrection): Promise<Vaccination> {
    return this.corrections.correct(id, correction);
  }

  @Post('vaccinations/:id/reactions')
  @RequireRole('assistant')
  @ContractAnswer(201, Vaccination, 'Reaction recorded (encrypted)')
  react(@ContractParams(IdParam) { id }: IdParam, @ContractBody(AdverseReactionRequest) reaction: AdverseReactionRequest): Promise<Vaccination> {
    return this.corrections.recordReaction(id, reaction.severity, reaction.description);
  }

  @Get('people/:id/history')
  @RequireRole('assistant')
  @ContractAnswer(200, PersonHistory, 'Every version of the person record and of each dose, with reasons (audited read)')
  personHistory(@ContractParams(IdParam) { id }: IdParam): Promise<PersonHistory> {
    return this.history.history(id);
  }

  @Post('lots/:id/waste')
  @RequireRole('assistant')
  @ContractAnswer(201, LotWasteRecorded, 'Doses discarded; what the lot has left')
  @ApiConflictResponse({ description: 'vaccination.out_of_stock' })
  recordWaste(@ContractParams(IdParam) { id }: IdParam, @ContractBody(LotWasteRequest) waste: LotWasteRequest): Promise<LotWasteRecorded> {
    return this.waste.record(id, waste.doses, waste.reason, waste.dayId ?? null);
  }
}
