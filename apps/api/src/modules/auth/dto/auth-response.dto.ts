import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_ROLES, type AuthConfig, type LoginResponse, type StaffProfile, type StaffRole } from '@vaccinate/api-contracts';

export class StaffProfileDto implements StaffProfile {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) roles!: StaffRole[];
  @ApiProperty() mustChangePassword!: boolean;
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'seconds' }) expiresIn!: number;
  @ApiProperty({ type: StaffProfileDto }) staff!: StaffProfileDto;
}

class OidcSettingsDto {
  @ApiProperty() issuer!: string;
  @ApiProperty() clientId!: string;
}

export class AuthConfigDto implements AuthConfig {
  @ApiProperty() localSignIn!: boolean;
  @ApiPropertyOptional({ type: OidcSettingsDto }) oidc?: OidcSettingsDto;
}

export class CreatedStaffDto {
  @ApiProperty({ type: StaffProfileDto }) staff!: StaffProfileDto;
  @ApiProperty({ description: 'Shown once; the account must change it at first sign-in' }) oneTimePassword!: string;
}
