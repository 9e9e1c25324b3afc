import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { OutboxModule } from '../outbox/outbox.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { OidcVerifier } from './oidc-verifier';
import { PasswordLinkService } from './password-link.service';
import { SignInThrottle } from './sign-in-throttle';
import { StaffAccountRepository } from './staff-account.repository';
import { StaffAccountsService } from './staff-accounts.service';
import { StaffLinkTokenRepository } from './staff-link-token.repository';
import { StaffSessionRepository } from './staff-session.repository';
import { StaffController } from './staff.controller';
import { TokenService } from './token.service';

@Module({
  imports: [AuditModule, OutboxModule],
  controllers: [AuthController, StaffController],
  providers: [
    AuthService,
    OidcVerifier,
    PasswordLinkService,
    SignInThrottle,
    StaffAccountRepository,
    StaffAccountsService,
    StaffLinkTokenRepository,
    StaffSessionRepository,
    TokenService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, TokenService],
})
export class AuthModule {}
