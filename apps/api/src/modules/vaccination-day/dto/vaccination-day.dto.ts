import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CapacityByDoseKind, VaccinationDayChange, VaccinationDayInput } from '@vaccinate/api-contracts';
import { Type } from 'class-transformer';
import { IsCalendarDate, NestedObject } from '../../../common/dto-rules';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class CapacityDto implements CapacityByDoseKind {
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(500) first!: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(500) followUp!: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(500) booster!: number;
}

export class DayLotDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'must be a lot id' }) lotId!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100_000) doses!: number;
}

export class CreateVaccinationDayDto implements VaccinationDayInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'must be a site id' }) siteId!: string;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() date!: string;
  @ApiProperty({ example: '08:00' }) @Matches(TIME, { message: 'must be a time (HH:MM)' }) opensAt!: string;
  @ApiProperty({ example: '16:00' }) @Matches(TIME, { message: 'must be a time (HH:MM)' }) closesAt!: string;
  @ApiProperty({ minimum: 5, maximum: 120 }) @IsInt() @Min(5) @Max(120) slotMinutes!: number;
  @ApiProperty({ type: CapacityDto }) @NestedObject(() => CapacityDto) capacityPerSlot!: CapacityDto;
  @ApiProperty({ type: [DayLotDto] })
  @ArrayMinSize(1, { message: 'must assign at least one lot' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DayLotDto)
  lots!: DayLotDto[];
}

export class ChangeVaccinationDayDto implements VaccinationDayChange {
  @ApiPropertyOptional({ type: CapacityDto }) @NestedObject(() => CapacityDto, { optional: true }) capacityPerSlot?: CapacityDto;
  @ApiPropertyOptional({ type: [DayLotDto] })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DayLotDto)
  lots?: DayLotDto[];
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) version!: number;
}
