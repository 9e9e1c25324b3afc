import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AuthConfig, LoginResponse, StaffProfile } from '@vaccinate/api-contracts';
import { CurrentPrincipal } from './current-principal.decorator';
import type { Principal } from '../../common/request-context';
import { Public, RequireRole } from './access.decorators';
import { AuthService } from './auth.service';
import { AuthConfigDto, LoginResponseDto, StaffProfileDto } from './dto/auth-response.dto';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { OidcVerifier } from './oidc-verifier';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly oidc: OidcVerifier,
  ) {}

  @Get('config')
  @Public()
  @ApiOkResponse({ type: AuthConfigDto })
  config(): AuthConfig {
    const oidc = this.oidc.publicSettings;
    return { localSignIn: true, ...(oidc ? { oidc } : {}) };
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts' })
  login(@Body() dto: LoginDto): Promise<LoginResponse> {
    return this.auth.login(dto.email, dto.password);
  }

  @Post('password')
  @HttpCode(200)
  @RequireRole('assistant', { allowPendingPasswordChange: true })
  @ApiOkResponse({ type: LoginResponseDto })
  changePassword(@CurrentPrincipal() principal: Principal, @Body() dto: ChangePasswordDto): Promise<LoginResponse> {
    return this.auth.changePassword(principal, dto.currentPassword, dto.newPassword);
  }

  @Get('me')
  @RequireRole('assistant', { allowPendingPasswordChange: true })
  @ApiOkResponse({ type: StaffProfileDto })
  me(@CurrentPrincipal() principal: Principal): Promise<StaffProfile> {
    return this.auth.profile(principal);
  }
}
