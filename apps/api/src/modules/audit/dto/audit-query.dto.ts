import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateOrDateTime } from '../../../common/dto-rules';
import { IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateOrDateTime() from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateOrDateTime() to?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A person id: their whole trail' }) @IsOptional() @IsUUID('all', { message: 'must be an id' }) subjectId?: string;
  @ApiPropertyOptional({ description: 'Staff account id or identity-provider subject' }) @IsOptional() @MaxLength(200) actor?: string;
  @ApiPropertyOptional({ example: 'person.read' }) @IsOptional() @Matches(/^[a-z_]+\.[a-z_]+$/, { message: 'must look like person.read' }) action?: string;
  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}
