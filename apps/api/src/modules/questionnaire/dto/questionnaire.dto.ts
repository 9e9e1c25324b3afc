import { ApiProperty } from '@nestjs/swagger';
import type { QuestionnaireQuestion } from '@vaccinate/api-contracts';
import { Type } from 'class-transformer';
import { NestedObject } from '../../../common/dto-rules';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsNotEmpty, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';

class QuestionTextDto {
  @ApiProperty({ maxLength: 300 }) @IsString() @IsNotEmpty() @MaxLength(300) de!: string;
  @ApiProperty({ maxLength: 300 }) @IsString() @IsNotEmpty() @MaxLength(300) en!: string;
}

export class QuestionDto implements QuestionnaireQuestion {
  @ApiProperty({ example: 'fever_today' }) @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'must be 1-40 lowercase letters, digits or _' }) key!: string;
  @ApiProperty({ type: QuestionTextDto }) @NestedObject(() => QuestionTextDto) text!: QuestionTextDto;
  @ApiProperty({ enum: ['yes', 'no'], nullable: true }) @IsIn(['yes', 'no', null], { message: "must be 'yes', 'no' or null" }) flagWhen!: 'yes' | 'no' | null;
}

export class ReplaceQuestionnaireDto {
  @ApiProperty({ type: [QuestionDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => QuestionDto)
  questions!: QuestionDto[];

  @ApiProperty({ description: 'The version this change is based on' }) @IsInt() @Min(0) version!: number;
}
