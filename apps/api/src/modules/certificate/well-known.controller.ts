import { Controller, Get, Header } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { JsonWebKeySet, KeyFileParam, ShcRevocationList } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractParams } from '../../common/contract/contract.decorators';
import { AppException } from '../../common/problem/app-exception';
import { Public } from '../auth/access.decorators';
import { CertificateSigner } from './certificate-signer';
import { CertificateService } from './certificate.service';

/**
 * Where verifiers look, by convention: the tenant's certificate keys (current and retired) and, per
 * key, the SMART Health Card revocation list. Verifiers on other origins (another tenant's verify
 * page, a wallet) read both from the browser. Staff-token keys are not here: see `GET /api/auth/keys`.
 */
@ApiTags('keys')
@Controller('.well-known')
export class WellKnownController {
  constructor(
    private readonly signer: CertificateSigner,
    private readonly certificates: CertificateService,
  ) {}

  @Get('jwks.json')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  @Header('access-control-allow-origin', '*')
  @ContractAnswer(200, JsonWebKeySet, 'The certificate keys, current and retired, as ES256 JWKs (kid = RFC 7638 thumbprint; crlVersion = its revocation list version)')
  async jwks(): Promise<JsonWebKeySet> {
    const { ctr } = await this.certificates.shcRevocationList();
    const keys = await this.signer.publishedKeys();
    return {
      keys: keys.map(({ jwk, kid }) => {
        const { kty, crv, x, y } = jwk;
        if (!kty || !crv || !x || !y) throw new Error('A certificate key is not an elliptic-curve key');
        return { kty, crv, x, y, kid, alg: 'ES256' as const, use: 'sig' as const, crlVersion: ctr };
      }),
    };
  }

  @Get('crl/:file')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  @Header('access-control-allow-origin', '*')
  @ContractAnswer(200, ShcRevocationList, 'SMART Health Cards revocation list of the key `<kid>.json`: revoked `vc.rid` values')
  @ApiNotFoundResponse({ description: 'No key with this kid' })
  async revocationList(@ContractParams(KeyFileParam) { file }: KeyFileParam): Promise<ShcRevocationList> {
    const key = (await this.signer.publishedKeys()).find(({ kid }) => file === `${kid}.json`);
    if (!key) throw new AppException('keys.unknown_kid', 404, 'No such key', 'This tenant signs with other keys.');
    return { kid: key.kid, ...(await this.certificates.shcRevocationList()) };
  }
}
