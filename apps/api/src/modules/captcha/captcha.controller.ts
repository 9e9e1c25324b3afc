import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RateLimit } from '../../common/rate-limit';
import { Public } from '../auth/access.decorators';
import { CaptchaService, type CaptchaChallenge } from './captcha.service';

@ApiTags('captcha')
@Controller('captcha')
export class CaptchaController {
  constructor(private readonly captcha: CaptchaService) {}

  @Get('challenge')
  @Public()
  @RateLimit('captcha')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ description: 'An ALTCHA challenge to solve before a public POST' })
  challenge(): Promise<CaptchaChallenge> {
    return this.captcha.challenge();
  }
}
