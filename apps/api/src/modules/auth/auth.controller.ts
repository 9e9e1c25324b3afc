import { Controller, Delete, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import {
  AccessTokenKeySet,
  AuthConfig,
  ChangePasswordRequest,
  LoginRequest,
  LoginResponse,
  StaffProfile,
  StaffSession,
  StaffSessionParam,
} from '@vaccinate/api-contracts';
import { ContractAnswer, ContractBody, ContractListAnswer, ContractParams } from '../../common/contract/contract.decorators';
import { CurrentPrincipal } from './current-principal.decorator';
import type { Principal } from '../../common/request-context';
import { Public, RequireRole } from './access.decorators';
import { AuthService } from './auth.service';
import { OidcVerifier } from './oidc-verifier';
import { TokenService } from './token.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly oidc: OidcVerifier,
    private readonly tokens: TokenService,
  ) {}

  @Get('config')
  @Public()
  @ContractAnswer(200, AuthConfig, 'How staff sign in here')
  config(): AuthConfig {
    const oidc = this.oidc.publicSettings;
    return { localSignIn: true, ...(oidc ? { oidc } : {}) };
  }

  @Get('keys')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  @ContractAnswer(200, AccessTokenKeySet, 'The staff access-token keys, current and retired, as ES256 JWKs (kid = RFC 7638 thumbprint)')
  async keys(): Promise<AccessTokenKeySet> {
    const keys = await this.tokens.publishedKeys();
    return {
      keys: keys.map(({ jwk, kid }) => {
        const { kty, crv, x, y } = jwk;
        if (!kty || !crv || !x || !y) throw new Error('An access-token key is not an elliptic-curve key');
        return { kty, crv, x, y, kid, alg: 'ES256' as const, use: 'sig' as const };
      }),
    };
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  @ContractAnswer(200, LoginResponse, 'Signed in')
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts' })
  login(@ContractBody(LoginRequest) credentials: LoginRequest): Promise<LoginResponse> {
    return this.auth.login(credentials.email, credentials.password);
  }

  @Post('password')
  @HttpCode(200)
  @RequireRole('assistant', { allowPendingPasswordChange: true })
  @ContractAnswer(200, LoginResponse, 'Changed; a fresh token without the pending change')
  changePassword(@CurrentPrincipal() principal: Principal, @ContractBody(ChangePasswordRequest) change: ChangePasswordRequest): Promise<LoginResponse> {
    return this.auth.changePassword(principal, change.currentPassword, change.newPassword);
  }

  @Get('me')
  @RequireRole('assistant', { allowPendingPasswordChange: true })
  @ContractAnswer(200, StaffProfile, 'The signed-in account')
  me(@CurrentPrincipal() principal: Principal): Promise<StaffProfile> {
    return this.auth.profile(principal);
  }

  @Get('sessions')
  @RequireRole('assistant', { allowPendingPasswordChange: true })
  @ContractListAnswer(200, StaffSession, "The caller's open sessions, newest first")
  sessions(@CurrentPrincipal() principal: Principal): Promise<StaffSession[]> {
    return this.auth.ownSessions(principal);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @RequireRole('assistant', { allowPendingPasswordChange: true })
  @ApiNoContentResponse({ description: 'Ended: its token no longer works' })
  @ApiNotFoundResponse({ description: 'The caller has no open session with this id' })
  async endSession(@CurrentPrincipal() principal: Principal, @ContractParams(StaffSessionParam) { id }: StaffSessionParam): Promise<void> {
    await this.auth.endOwnSession(principal, id);
  }

  @Post('logout')
  @HttpCode(204)
  @RequireRole('assistant', { allowPendingPasswordChange: true })
  @ApiNoContentResponse({ description: 'The current session ended' })
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    if (principal.sessionId) await this.auth.endOwnSession(principal, principal.sessionId);
  }
}
