import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { JWK } from 'jose';
import { Public } from './access.decorators';
import { TokenService } from './token.service';

/** The tenant's public signing keys, where verifiers of its tokens (and certificates) look for them. */
@ApiTags('keys')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly tokens: TokenService) {}

  @Get('jwks.json')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  // Verifiers on other origins (another tenant's verify page, a wallet) read it from the browser.
  @Header('access-control-allow-origin', '*')
  @ApiOkResponse({ description: 'JSON Web Key Set with the ES256 public key (kid = RFC 7638 thumbprint)' })
  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: [await this.tokens.publicJwk()] };
  }
}
