import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { OidcVerifier } from './oidc-verifier';
import { SignInThrottle } from './sign-in-throttle';
import { StaffAccountRepository } from './staff-account.repository';
import { StaffSessionRepository } from './staff-session.repository';
import { TokenService } from './token.service';

@Module({
  controllers: [AuthController],
  providers: [AuthService, OidcVerifier, SignInThrottle, StaffAccountRepository, StaffSessionRepository, TokenService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService, TokenService, OidcVerifier, StaffAccountRepository, StaffSessionRepository],
})
export class AuthModule {}
