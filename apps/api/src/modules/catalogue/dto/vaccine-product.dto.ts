import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import type { FollowUpInterval, VaccineProduct, VaccineProductInput } from '@vaccinate/api-contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class FollowUpIntervalDto implements FollowUpInterval {
  @ApiProperty({ minimum: 2 }) @IsInt() @Min(2) @Max(10) dose!: number;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(3650) minDays!: number;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(3650) recommendedDays!: number;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(3650) maxDays!: number;
}

export class CreateVaccineProductDto implements VaccineProductInput {
  @ApiProperty({ example: 'Comirnaty' }) @IsString() @IsNotEmpty() @MaxLength(80) name!: string;
  @ApiProperty({ example: 'BioNTech Manufacturing GmbH' }) @IsString() @IsNotEmpty() @MaxLength(120) manufacturer!: string;
  @ApiProperty({ example: 'EU/1/20/1528' }) @Matches(/^[A-Za-z0-9/._-]{2,40}$/, { message: 'must be an EU product code such as EU/1/20/1528' }) euProductCode!: string;
  @ApiProperty({ example: 'ORG-100030215' }) @Matches(/^[A-Za-z0-9._-]{2,40}$/, { message: 'must be a marketing authorisation holder code such as ORG-100030215' }) marketingAuthorisationHolder!: string;
  @ApiProperty({ example: 'J07BN01' }) @Matches(/^[A-Za-z0-9]{2,20}$/, { message: 'must be a prophylaxis code such as J07BN01' }) prophylaxisCode!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) primaryDoses!: number;
  @ApiProperty({ type: [FollowUpIntervalDto] }) @IsArray() @ArrayMaxSize(4) @ValidateNested({ each: true }) @Type(() => FollowUpIntervalDto) followUpIntervals!: FollowUpIntervalDto[];
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(3650) boosterMinDaysAfterSeries!: number | null;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(120) minAgeYears!: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(130) maxAgeYears!: number | null;
  @ApiProperty() @IsBoolean() active!: boolean;
}

export class UpdateVaccineProductDto extends PartialType(CreateVaccineProductDto) {
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) version!: number;
}

export class VaccineProductDto implements VaccineProduct {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() manufacturer!: string;
  @ApiProperty() euProductCode!: string;
  @ApiProperty() marketingAuthorisationHolder!: string;
  @ApiProperty() prophylaxisCode!: string;
  @ApiProperty() primaryDoses!: number;
  @ApiProperty({ type: [FollowUpIntervalDto] }) followUpIntervals!: FollowUpIntervalDto[];
  @ApiProperty({ type: Number, nullable: true }) boosterMinDaysAfterSeries!: number | null;
  @ApiProperty() minAgeYears!: number;
  @ApiProperty({ type: Number, nullable: true }) maxAgeYears!: number | null;
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
}
