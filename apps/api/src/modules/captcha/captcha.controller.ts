import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaptchaChallenge } from '@vaccinate/api-contracts';
import { ContractAnswer } from '../../common/contract/contract.decorators';
import { RateLimit } from '../../common/rate-limit';
import { Public } from '../auth/access.decorators';
import { CaptchaService } from './captcha.service';

@ApiTags('captcha')
@Controller('captcha')
export class CaptchaController {
  constructor(private readonly captcha: CaptchaService) {}

  @Get('challenge')
  @Public()
  @RateLimit('captcha')
  @Header('cache-control', 'no-store')
  @ContractAnswer(200, CaptchaChallenge, 'An ALTCHA challenge to solve before a public POST, or the provider the tenant uses instead')
  challenge(): Promise<CaptchaChallenge> {
    return this.captcha.challenge();
  }
}
