import { Inject, Injectable, type PipeTransform, type Type } from '@nestjs/common';
import type { Contract, Payload, TSchema, ValidationContext } from '@vaccinate/api-contracts';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { ValidationException } from '../problem/app-exception';

export type ContractSource = 'body' | 'query' | 'params';

/** Checks a body, query or path parameters with the contract's compiled validator: 400 with every wrong field. */
export class ContractPipe<C extends Contract> implements PipeTransform<unknown, Payload<C>> {
  private readonly readsText: boolean;

  constructor(
    private readonly contract: C,
    source: ContractSource,
    /** What the check knows of the tenant: the country a phone number without its country code is read in. */
    private readonly context: ValidationContext = {},
  ) {
    // Query strings and path segments are text: numbers and booleans are read as the contract declares them.
    this.readsText = source !== 'body' && !onlyText(contract.schema);
  }

  transform(value: unknown): Payload<C> {
    const input = this.readsText ? this.contract.fromText(value) : value;
    const result = this.contract.validate(input, this.context);
    if (!result.ok) throw new ValidationException(result.problems);
    return result.value;
  }
}

/**
 * The pipe of one contract as a class Nest builds with the tenant's configuration: a route's decorator
 * runs once per process, but each app in it (tests start several) serves a tenant of its own.
 */
export function contractPipeOf<C extends Contract>(contract: C, source: ContractSource): Type<ContractPipe<C>> {
  @Injectable()
  class TenantContractPipe extends ContractPipe<C> {
    constructor(@Inject(API_CONFIG) config: ApiConfig) {
      super(contract, source, { phoneRegion: config.phoneRegion });
    }
  }
  return TenantContractPipe;
}

/** Whether a route parameter's pipe is a contract's check (an instance, or the class Nest builds per app). */
export function isContractPipe(pipe: unknown): boolean {
  return pipe instanceof ContractPipe || (typeof pipe === 'function' && pipe.prototype instanceof ContractPipe);
}

function onlyText(schema: TSchema): boolean {
  const isText = (property: TSchema): boolean => property.type === 'string' || (Array.isArray(property.anyOf) && property.anyOf.every(isText));
  return Object.values((schema.properties ?? {}) as Record<string, TSchema>).every(isText);
}
