import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PasswordLinkController } from './password-link.controller';
import { PasswordLinkService } from './password-link.service';
import { StaffAccountsService } from './staff-accounts.service';
import { StaffLinkTokenRepository } from './staff-link-token.repository';
import { StaffController } from './staff.controller';

/** Staff accounts as an admin keeps them (invitations, roles, deactivation) and forgotten passwords. */
@Module({
  imports: [AuthModule, AuditModule, OutboxModule],
  controllers: [StaffController, PasswordLinkController],
  providers: [StaffAccountsService, PasswordLinkService, StaffLinkTokenRepository],
})
export class StaffAccountsModule {}
