import { createParamDecorator } from '@nestjs/common';
import { requestContext, type Principal } from '../../common/request-context';
import { AuthException, AuthExceptionCode } from './auth.exception';

/** The caller the AccessGuard authenticated; only on routes that require a role. */
export const CurrentPrincipal = createParamDecorator((): Principal => {
  const principal = requestContext.current()?.principal;
  if (!principal) throw new AuthException(AuthExceptionCode.Required);
  return principal;
});
