import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { requestContext, type Principal } from '../../common/request-context';
import { ACCESS_METADATA, type AccessRule } from './access.decorators';
import { AuthException, AuthExceptionCode } from './auth.exception';
import { OidcVerifier } from './oidc-verifier';
import { satisfiesRole } from './role-rank';
import { StaffAccountRepository } from './staff-account.repository';
import { StaffSessionRepository } from './staff-session.repository';
import { TokenService } from './token.service';

/** Global guard: a route without an access rule is closed; a token must be this tenant's. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly oidc: OidcVerifier,
    private readonly sessions: StaffSessionRepository,
    private readonly accounts: StaffAccountRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (!rule) throw new AuthException(AuthExceptionCode.RouteWithoutAccessRule);
    if (rule.kind === 'public') return true;

    const principal = await this.authenticate(context.switchToHttp().getRequest<FastifyRequest>());
    if (principal.mustChangePassword && !rule.allowPendingPasswordChange) {
      throw new AuthException(AuthExceptionCode.PasswordChangeRequired);
    }
    if (!satisfiesRole(principal.roles, rule.minimum)) throw new AuthException(AuthExceptionCode.Forbidden);
    const current = requestContext.current();
    if (current) current.principal = principal;
    return true;
  }

  private async authenticate(request: FastifyRequest): Promise<Principal> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header) : null;
    if (!match?.[1]) throw new AuthException(AuthExceptionCode.Required);
    const token = match[1];
    const principal = this.oidc.claimsOurIssuer(token) ? await this.oidc.verify(token) : await this.tokens.verify(token);
    if (!principal) throw new AuthException(AuthExceptionCode.InvalidToken);
    if (principal.kind === 'oidc') {
      // The identity provider owns these accounts; a local account an admin deactivated still locks its e-mail out here.
      if (principal.email && (await this.accounts.findByEmail(principal.email))?.deactivatedAt) throw new AuthException(AuthExceptionCode.InvalidToken);
      return principal;
    }
    // Checked on every request, so a deactivation, a role change or an ended session counts at once (on every replica).
    const grant = principal.sessionId ? await this.sessions.grant(principal.sessionId, principal.subject) : null;
    if (!grant) throw new AuthException(AuthExceptionCode.InvalidToken);
    return { ...principal, roles: grant.roles, mustChangePassword: grant.mustChangePassword };
  }
}
