import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiGoneResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { PasswordResetAccepted, PasswordResetRequest, SetPasswordRequest } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractBody } from '../../common/contract/contract.decorators';
import { RateLimit } from '../../common/rate-limit';
import { Public } from '../auth/access.decorators';
import { PasswordLinkService } from './password-link.service';

/** A forgotten password: the link by mail, and setting the password with it. */
@ApiTags('auth')
@Controller('auth')
export class PasswordLinkController {
  constructor(private readonly passwordLinks: PasswordLinkService) {}

  @Post('password-reset')
  @HttpCode(202)
  @Public()
  @RateLimit('passwordReset')
  @ContractAnswer(202, PasswordResetAccepted, 'The same answer whether or not the address has an account')
  @ApiConflictResponse({ description: 'Staff sign in through the identity provider; passwords are reset there' })
  requestPasswordReset(@ContractBody(PasswordResetRequest) request: PasswordResetRequest): PasswordResetAccepted {
    this.passwordLinks.requestReset(request.email);
    return { status: 'accepted' };
  }

  @Post('password-link')
  @HttpCode(204)
  @Public()
  @RateLimit('passwordLink')
  @ApiNoContentResponse({ description: 'The password is set; every session of the account ended' })
  @ApiGoneResponse({ description: 'The link was used already or has expired' })
  async setPasswordByLink(@ContractBody(SetPasswordRequest) request: SetPasswordRequest): Promise<void> {
    await this.passwordLinks.setPassword(request.token, request.newPassword);
  }
}
