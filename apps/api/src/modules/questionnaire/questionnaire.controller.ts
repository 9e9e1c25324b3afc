import { Controller, Get, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { Questionnaire, QuestionnaireChange } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractBody } from '../../common/contract/contract.decorators';
import { RequireRole } from '../auth/access.decorators';
import { QuestionnaireService } from './questionnaire.service';

@ApiTags('questionnaire')
@Controller('questionnaire')
export class QuestionnaireController {
  constructor(private readonly questionnaire: QuestionnaireService) {}

  @Get()
  @RequireRole('assistant')
  @ContractAnswer(200, Questionnaire, 'The current pre-vaccination questionnaire')
  current(): Promise<Questionnaire> {
    return this.questionnaire.current();
  }

  @Put()
  @RequireRole('doctor')
  @ContractAnswer(200, Questionnaire, 'Saved as a new version; answers given before keep their version')
  @ApiConflictResponse({ description: 'questionnaire.version_conflict' })
  replace(@ContractBody(QuestionnaireChange) change: QuestionnaireChange): Promise<Questionnaire> {
    return this.questionnaire.replace(change.questions, change.version);
  }
}
