import type { PipeTransform } from '@nestjs/common';
import type { Contract, Payload, TSchema } from '@vaccinate/api-contracts';
import { ValidationException } from '../problem/app-exception';

/** Checks a body, query or path parameters with the contract's compiled validator: 400 with every wrong field. */
export class ContractPipe<C extends Contract> implements PipeTransform<unknown, Payload<C>> {
  private readonly readsText: boolean;

  constructor(
    private readonly contract: C,
    source: 'body' | 'query' | 'params',
  ) {
    // Query strings and path segments are text: numbers and booleans are read as the contract declares them.
    this.readsText = source !== 'body' && !onlyText(contract.schema);
  }

  transform(value: unknown): Payload<C> {
    const input = this.readsText ? this.contract.fromText(value) : value;
    const result = this.contract.validate(input);
    if (!result.ok) throw new ValidationException(result.problems);
    return result.value;
  }
}

function onlyText(schema: TSchema): boolean {
  const isText = (property: TSchema): boolean => property.type === 'string' || (Array.isArray(property.anyOf) && property.anyOf.every(isText));
  return Object.values((schema.properties ?? {}) as Record<string, TSchema>).every(isText);
}
