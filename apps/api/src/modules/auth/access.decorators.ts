import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { StaffRole } from '@vaccinate/api-contracts';

export const ACCESS_METADATA = 'vaccinate:access';

/** What a route requires. Every route must carry exactly one of these; the guard refuses any that does not. */
export type AccessRule = { kind: 'public' } | { kind: 'role'; minimum: StaffRole; allowPendingPasswordChange: boolean };

/** Anyone may call it, signed in or not. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/** Staff with at least this role (assistant < doctor < admin). */
export const RequireRole = (minimum: StaffRole, options: { allowPendingPasswordChange?: boolean } = {}) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, {
      kind: 'role',
      minimum,
      allowPendingPasswordChange: options.allowPendingPasswordChange ?? false,
    } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid token for this tenant' }),
    ApiForbiddenResponse({ description: `Requires the ${minimum} role or higher` }),
  );
