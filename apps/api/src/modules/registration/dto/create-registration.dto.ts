import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsBirthDate, NAME_MAX, PHONE_PATTERN } from '../../people/dto/person-fields';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegistrationPersonDto {
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) givenName!: string;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(NAME_MAX) familyName!: string;
  @ApiProperty({ format: 'email' }) @Transform(trim) @IsEmail({}, { message: 'must be a valid e-mail address' }) @MaxLength(254) email!: string;
  @ApiProperty({ format: 'date' }) @IsBirthDate() birthDate!: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @Matches(PHONE_PATTERN, { message: 'must be a phone number: digits, spaces, + ( ) / -' }) phone?: string;
}

export class CreateRegistrationDto {
  @ApiProperty({ type: RegistrationPersonDto })
  @IsDefined({ message: 'is required' })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => RegistrationPersonDto)
  person!: RegistrationPersonDto;
  @ApiPropertyOptional({ format: 'uuid', description: 'The vaccine wished for; any when absent' })
  @IsOptional()
  @IsUUID('4', { message: 'must be a vaccine id' })
  productId?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true, message: 'each must be a site id' })
  preferredSiteIds?: string[];
  @ApiPropertyOptional({ type: [Number], description: 'ISO weekdays 1 (Monday) to 7' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  preferredWeekdays?: number[];
  @ApiPropertyOptional({ type: [String], example: ['medical-staff'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[a-z][a-z0-9-]{1,40}$/, { each: true, message: 'each must be an occupation code such as medical-staff' })
  occupations?: string[];
  @ApiPropertyOptional({ description: "Answers to the tenant's eligibility questions, by question id" })
  @IsOptional()
  @IsObject()
  answers?: Record<string, string | number | boolean>;
  @ApiProperty() @IsString() @IsNotEmpty({ message: 'is required' }) @MaxLength(4000) captcha!: string;
  @ApiPropertyOptional({ enum: ['de', 'en'] }) @IsOptional() @IsIn(['de', 'en']) locale?: 'de' | 'en';
}

export class RegistrationStatusQueryDto {
  @ApiProperty({ example: 'R7KQ-4M2X-DZ' }) @Transform(trim) @Matches(/^R[0-9A-Z]{3}-[0-9A-Z]{4}-[0-9A-Z]{2}$/, { message: 'must be a tracking code such as R7KQ-4M2X-DZ' }) trackingCode!: string;
  @ApiProperty({ format: 'date' }) @IsBirthDate() birthDate!: string;
}
