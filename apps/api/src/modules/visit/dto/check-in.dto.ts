import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IDENTITY_DOCUMENTS, type CheckInRequest, type IdentityDocument, type WalkInRequest } from '@vaccinate/api-contracts';
import { IsCalendarDate, NestedObject } from '../../../common/dto-rules';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class CheckInDto implements CheckInRequest {
  @ApiPropertyOptional({ example: 'K7M2-Q9XD' }) @IsOptional() @IsString() @MaxLength(40) bookingCode?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'must be an appointment id' }) appointmentId?: string;
  @ApiProperty() @IsBoolean() identityChecked!: boolean;
  @ApiProperty({ enum: IDENTITY_DOCUMENTS }) @IsIn(IDENTITY_DOCUMENTS, { message: `must be one of ${IDENTITY_DOCUMENTS.join(', ')}` }) identityDocument!: IdentityDocument;
}

class WalkInPersonDto {
  @ApiProperty({ maxLength: 100 }) @IsString() @IsNotEmpty() @MaxLength(100) givenName!: string;
  @ApiProperty({ maxLength: 100 }) @IsString() @IsNotEmpty() @MaxLength(100) familyName!: string;
  @ApiProperty({ format: 'email' }) @IsEmail({}, { message: 'must be an e-mail address' }) @MaxLength(254) email!: string;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() birthDate!: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(40) employeeNumber?: string | null;
}

export class WalkInDto implements WalkInRequest {
  @ApiProperty({ type: WalkInPersonDto }) @NestedObject(() => WalkInPersonDto) person!: WalkInPersonDto;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a product id' }) productId!: string;
  @ApiProperty() @IsBoolean() identityChecked!: boolean;
  @ApiProperty({ enum: IDENTITY_DOCUMENTS }) @IsIn(IDENTITY_DOCUMENTS, { message: `must be one of ${IDENTITY_DOCUMENTS.join(', ')}` }) identityDocument!: IdentityDocument;
}

export class NoShowDto {
  @ApiPropertyOptional({ type: [String], description: 'Appointments to mark; absent: every appointment whose slot ended without a check-in' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'must be appointment ids' })
  appointmentIds?: string[];
}
