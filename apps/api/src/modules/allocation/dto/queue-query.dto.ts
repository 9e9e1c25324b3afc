import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { RegistrationStatus } from '../../registration/registration.entity';

const STATUSES: RegistrationStatus[] = ['queued', 'offered', 'booked', 'vaccinated', 'withdrawn'];

export class QueueQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, default: 'queued' })
  @IsOptional()
  @IsIn(STATUSES, { message: `must be one of ${STATUSES.join(', ')}` })
  status?: RegistrationStatus;

  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}
