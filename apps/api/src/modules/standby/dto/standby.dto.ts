import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDecimal } from '../../../common/dto-rules';
import { IsBirthDate, PHONE_PATTERN } from '../../people/dto/person-fields';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class StandbyWindowDto {
  @ApiProperty({ example: '12:00' }) @Matches(TIME, { message: 'must be a time such as 12:00' }) from!: string;
  @ApiProperty({ example: '14:00' }) @Matches(TIME, { message: 'must be a time such as 14:00' }) to!: string;
}

export class JoinStandbyDto {
  @ApiPropertyOptional({ description: 'From a registration: its tracking code, with the birth date' })
  @IsOptional()
  @Transform(trim)
  @Matches(/^R[0-9A-Z]{3}-[0-9A-Z]{4}-[0-9A-Z]{2}$/, { message: 'must be a tracking code such as R7KQ-4M2X-DZ' })
  trackingCode?: string;

  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsBirthDate() birthDate?: string;

  @ApiPropertyOptional({ description: "From a booking: the manage link's token" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  manageToken?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true, message: 'each must be a site id' })
  siteIds?: string[];

  @ApiPropertyOptional({ type: [StandbyWindowDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => StandbyWindowDto)
  timeWindows?: StandbyWindowDto[];

  @ApiPropertyOptional({ example: '20:00' }) @IsOptional() @Matches(TIME, { message: 'must be a time such as 20:00' }) quietFrom?: string;
  @ApiPropertyOptional({ example: '08:00' }) @IsOptional() @Matches(TIME, { message: 'must be a time such as 08:00' }) quietTo?: string;

  @ApiPropertyOptional({ description: 'For offers by SMS' })
  @IsOptional()
  @Transform(trim)
  @Matches(PHONE_PATTERN, { message: 'must be a phone number: digits, spaces, + ( ) / -' })
  phone?: string;

  @ApiProperty() @IsString() @IsNotEmpty({ message: 'is required' }) @MaxLength(4000) captcha!: string;
}

export class LeaveStandbyDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @Matches(/^R[0-9A-Z]{3}-[0-9A-Z]{4}-[0-9A-Z]{2}$/, { message: 'must be a tracking code such as R7KQ-4M2X-DZ' })
  trackingCode?: string;

  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsBirthDate() birthDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) manageToken?: string;
}

export class AnnounceSpareDosesDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'must be a site id' }) siteId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'must be a vaccine id' }) productId!: string;
  @ApiProperty({ minimum: 1, maximum: 500 }) @IsInt({ message: 'must be a whole number' }) @Min(1) @Max(500) doses!: number;
  @ApiProperty({ format: 'date-time', description: 'Until when the doses can be given' })
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  availableUntil!: string;
  @ApiPropertyOptional({ default: 30 }) @IsOptional() @IsInt({ message: 'must be a whole number' }) @Min(5) @Max(240) offerMinutes?: number;
  @ApiPropertyOptional({ default: 1.5, description: 'Offers open at once per dose left' })
  @IsOptional()
  @IsDecimal(2)
  @Min(1)
  @Max(10)
  overbookingFactor?: number;
}

export class StandbyOfferTokenDto {
  @ApiProperty({ description: "The token from the offer link's fragment" })
  @IsString()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(100)
  token!: string;
}
