import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLES, type StaffRole } from '@vaccinate/api-contracts';
import { Transform } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CreateStaffDto {
  @ApiProperty({ format: 'email' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true, message: `each role must be one of ${STAFF_ROLES.join(', ')}` })
  roles!: StaffRole[];
}
