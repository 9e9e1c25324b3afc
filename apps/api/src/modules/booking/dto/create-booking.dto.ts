import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOSE_KINDS, type CreateBookingRequest, type DoseKind } from '@vaccinate/api-contracts';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsEmail, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { EMPLOYEE_NUMBER_PATTERN, IsBirthDate, NAME_MAX } from '../../people/dto/person-fields';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class BookingPersonDto {
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) givenName!: string;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) familyName!: string;
  @ApiProperty({ format: 'email' }) @Transform(trim) @IsEmail({}, { message: 'must be a valid e-mail address' }) @MaxLength(254) email!: string;
  @ApiProperty({ format: 'date' }) @IsBirthDate() birthDate!: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @Matches(EMPLOYEE_NUMBER_PATTERN, { message: 'must be 1-40 letters, digits, spaces or . _ / -' })
  employeeNumber?: string;
}

export class CreateBookingDto implements CreateBookingRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'must be a vaccine id' }) productId!: string;
  @ApiProperty({ enum: DOSE_KINDS }) @IsIn(DOSE_KINDS, { message: `must be one of ${DOSE_KINDS.join(', ')}` }) doseKind!: DoseKind;
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'must be a time slot id' }) slotId!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('4', { message: 'must be a time slot id' }) followUpSlotId?: string;
  @ApiProperty({ type: BookingPersonDto })
  @IsDefined({ message: 'is required' })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => BookingPersonDto)
  person!: BookingPersonDto;
  @ApiProperty({ description: 'ALTCHA solution (base64) or reCAPTCHA token' }) @IsString() @IsNotEmpty({ message: 'is required' }) @MaxLength(4000) captcha!: string;
  @ApiPropertyOptional({ enum: ['de', 'en'] }) @IsOptional() @IsIn(['de', 'en']) locale?: 'de' | 'en';
}

export class RebookDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'must be an appointment id' }) appointmentId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'must be a time slot id' }) slotId!: string;
}

export class AvailabilityQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'must be a vaccine id' }) productId!: string;
  @ApiProperty({ enum: DOSE_KINDS }) @IsIn(DOSE_KINDS, { message: `must be one of ${DOSE_KINDS.join(', ')}` }) doseKind!: DoseKind;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('4', { message: 'must be a site id' }) siteId?: string;
}

export class FollowUpAvailabilityQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'must be a vaccine id' }) productId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'must be a time slot id' }) firstSlotId!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('4', { message: 'must be a site id' }) siteId?: string;
}
