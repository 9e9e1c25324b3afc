import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { PersonHistory, Vaccination } from '@vaccinate/api-contracts';
import { uuidParam } from '../../common/id-param.pipe';
import { RequireRole } from '../auth/access.decorators';
import { CorrectionService } from './correction.service';
import { AdverseReactionDto, LotWasteDto, VaccinationCorrectionDto } from './dto/vaccination.dto';
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
  @ApiCreatedResponse({ description: 'The corrected record; the old one stays in the history as superseded' })
  @ApiConflictResponse({ description: 'vaccination.not_current' })
  correct(@Param('id', uuidParam()) id: string, @Body() dto: VaccinationCorrectionDto): Promise<Vaccination> {
    return this.corrections.correct(id, dto);
  }

  @Post('vaccinations/:id/reactions')
  @RequireRole('assistant')
  @ApiCreatedResponse({ description: 'Reaction recorded (encrypted)' })
  react(@Param('id', uuidParam()) id: string, @Body() dto: AdverseReactionDto): Promise<Vaccination> {
    return this.corrections.recordReaction(id, dto.severity, dto.description);
  }

  @Get('people/:id/history')
  @RequireRole('assistant')
  @ApiOkResponse({ description: 'Every version of the person record and of each dose, with reasons (audited read)' })
  personHistory(@Param('id', uuidParam()) id: string): Promise<PersonHistory> {
    return this.history.history(id);
  }

  @Post('lots/:id/waste')
  @RequireRole('assistant')
  @ApiCreatedResponse({ description: 'Doses discarded; what the lot has left' })
  @ApiConflictResponse({ description: 'vaccination.out_of_stock' })
  recordWaste(@Param('id', uuidParam()) id: string, @Body() dto: LotWasteDto): Promise<{ lotId: string; dosesLeft: number }> {
    return this.waste.record(id, dto.doses, dto.reason, dto.dayId ?? null);
  }
}
