import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@vaccinate/api-contracts';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ format: 'email' })
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  password!: string;
}
