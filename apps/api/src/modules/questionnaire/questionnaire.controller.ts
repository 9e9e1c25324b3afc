import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Questionnaire } from '@vaccinate/api-contracts';
import { RequireRole } from '../auth/access.decorators';
import { ReplaceQuestionnaireDto } from './dto/questionnaire.dto';
import { QuestionnaireService } from './questionnaire.service';

@ApiTags('questionnaire')
@Controller('questionnaire')
export class QuestionnaireController {
  constructor(private readonly questionnaire: QuestionnaireService) {}

  @Get()
  @RequireRole('assistant')
  @ApiOkResponse({ description: 'The current pre-vaccination questionnaire' })
  current(): Promise<Questionnaire> {
    return this.questionnaire.current();
  }

  @Put()
  @RequireRole('doctor')
  @ApiOkResponse({ description: 'Saved as a new version; answers given before keep their version' })
  @ApiConflictResponse({ description: 'questionnaire.version_conflict' })
  replace(@Body() dto: ReplaceQuestionnaireDto): Promise<Questionnaire> {
    return this.questionnaire.replace(dto.questions, dto.version);
  }
}
