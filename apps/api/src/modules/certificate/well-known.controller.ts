import { Controller, Get, Header } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { JsonWebKeySet, KeyFileParam, ShcRevocationList } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractParams } from '../../common/contract/contract.decorators';
import { AppException } from '../../common/problem/app-exception';
import { Public } from '../auth/access.decorators';
import { TokenService } from '../auth/token.service';
import { CertificateService } from './certificate.service';

/**
 * Where verifiers look, by convention: the tenant's public keys and, per key, the SMART Health Card
 * revocation list. Verifiers on other origins (another tenant's verify page, a wallet) read both from the browser.
 */
@ApiTags('keys')
@Controller('.well-known')
export class WellKnownController {
  constructor(
    private readonly tokens: TokenService,
    private readonly certificates: CertificateService,
  ) {}

  @Get('jwks.json')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  @Header('access-control-allow-origin', '*')
  @ContractAnswer(200, JsonWebKeySet, 'JSON Web Key Set with the ES256 public key (kid = RFC 7638 thumbprint; crlVersion = its revocation list version)')
  async jwks(): Promise<JsonWebKeySet> {
    const { ctr } = await this.certificates.shcRevocationList();
    const { kty, crv, x, y, kid } = await this.tokens.publicJwk();
    if (!kty || !crv || !x || !y || !kid) throw new Error('The signing key is not an elliptic-curve key');
    return { keys: [{ kty, crv, x, y, kid, alg: 'ES256', use: 'sig', crlVersion: ctr }] };
  }

  @Get('crl/:file')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  @Header('access-control-allow-origin', '*')
  @ContractAnswer(200, ShcRevocationList, 'SMART Health Cards revocation list of the key `<kid>.json`: revoked `vc.rid` values')
  @ApiNotFoundResponse({ description: 'No key with this kid' })
  async revocationList(@ContractParams(KeyFileParam) { file }: KeyFileParam): Promise<ShcRevocationList> {
    const kid = (await this.tokens.publicJwk()).kid ?? '';
    if (!kid || file !== `${kid}.json`) throw new AppException('keys.unknown_kid', 404, 'No such key', 'This tenant signs with another key.');
    return { kid, ...(await this.certificates.shcRevocationList()) };
  }
}
