import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INJECTION_ROUTES, INJECTION_SITES, type DocumentVaccinationRequest, type InjectionRoute, type InjectionSite } from '@vaccinate/api-contracts';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });

export class DocumentVaccinationDto implements DocumentVaccinationRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a lot id' }) lotId!: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 20 }) @IsOptional() @IsInt() @Min(1) @Max(20) doseNumber?: number;
  @ApiPropertyOptional({ nullable: true, maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) doseNumberReason?: string | null;
  @ApiProperty({ enum: INJECTION_SITES }) @IsIn(INJECTION_SITES, oneOf(INJECTION_SITES)) injectionSite!: InjectionSite;
  @ApiProperty({ enum: INJECTION_ROUTES }) @IsIn(INJECTION_ROUTES, oneOf(INJECTION_ROUTES)) route!: InjectionRoute;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) vaccinator?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'must be a date-time (ISO 8601)' }) administeredAt?: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) version!: number;
}
