import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PersonInput } from '@vaccinate/api-contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EMPLOYEE_NUMBER_PATTERN, IsBirthDate, NAME_MAX, PHONE_PATTERN } from './person-fields';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreatePersonDto implements PersonInput {
  @ApiProperty({ maxLength: NAME_MAX, example: 'Ada' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX)
  givenName!: string;

  @ApiProperty({ maxLength: NAME_MAX, example: 'Lovelace' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX)
  familyName!: string;

  @ApiProperty({ format: 'email', maxLength: 254 })
  @Transform(trim)
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ format: 'date', example: '1990-12-10' })
  @IsBirthDate()
  birthDate!: string;

  @ApiPropertyOptional({ nullable: true, example: '+49 30 1234567' })
  @IsOptional()
  @Transform(trim)
  @Matches(PHONE_PATTERN, { message: 'must be a phone number: digits, spaces, + ( ) / -' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 40 })
  @IsOptional()
  @Transform(trim)
  @Matches(EMPLOYEE_NUMBER_PATTERN, { message: 'must be 1-40 letters, digits, spaces or . _ / -' })
  employeeNumber?: string | null;
}
