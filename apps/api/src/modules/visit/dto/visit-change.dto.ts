import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { QuestionnaireAnswer } from '@vaccinate/api-contracts';
import { NestedObject } from '../../../common/dto-rules';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

export class VersionDto {
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) version!: number;
}

export class AnswersDto extends VersionDto {
  @ApiProperty() @IsInt() @Min(0) questionnaireVersion!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: ['yes', 'no'] } }) @IsObject() answers!: Record<string, QuestionnaireAnswer>;
  @ApiPropertyOptional({ nullable: true, maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) note?: string | null;
  @ApiProperty() @IsBoolean() consent!: boolean;
}

const FOLLOW_UP_ACTIONS = ['confirm', 'move', 'book', 'none'] as const;

class FollowUpDto {
  @ApiProperty({ enum: FOLLOW_UP_ACTIONS }) @IsIn(FOLLOW_UP_ACTIONS, { message: `must be one of ${FOLLOW_UP_ACTIONS.join(', ')}` }) action!: (typeof FOLLOW_UP_ACTIONS)[number];
  @ApiPropertyOptional({ format: 'uuid', description: 'For move and book' }) @IsOptional() @IsUUID('all', { message: 'must be a slot id' }) slotId?: string;
}

export class CheckOutDto extends VersionDto {
  @ApiProperty({ type: FollowUpDto }) @NestedObject(() => FollowUpDto) followUp!: FollowUpDto;

}
