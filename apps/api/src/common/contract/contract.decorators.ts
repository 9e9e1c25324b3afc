import { applyDecorators, Body, Header, Param, Query } from '@nestjs/common';
import { ApiBody, ApiParam, ApiProduces, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import type { Contract, Payload } from '@vaccinate/api-contracts';
import { referenceTo } from './contract-schemas';
import { contractPipeOf } from './contract.pipe';

type Properties = Record<string, SchemaObject>;

function propertiesOf(contract: Contract): [string, SchemaObject, boolean][] {
  const schema = JSON.parse(JSON.stringify(contract.schema)) as { properties?: Properties; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => [name, property, (schema.required ?? []).includes(name)]);
}

// Parameter decorators run before the method's; the OpenAPI metadata goes on the method itself.
function onMethod(target: object, key: string | symbol | undefined, decorate: MethodDecorator): void {
  if (key === undefined) throw new Error('A contract decorates a route parameter');
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor) throw new Error(`No route method ${String(key)}`);
  decorate(target, key, descriptor);
}

// The parameter's declared type shares its name with the contract object; some compilers emit that
// object as the parameter's design type. Nothing but the contract reads the value, so it is a plain Object.
function plainDesignType(target: object, key: string | symbol | undefined, index: number): void {
  if (key === undefined) return;
  const types = [...((Reflect.getMetadata('design:paramtypes', target, key) as unknown[] | undefined) ?? [])];
  types[index] = Object;
  Reflect.defineMetadata('design:paramtypes', types, target, key);
}

/** The request body, checked with the contract's compiled validator and documented by its schema. */
export function ContractBody(contract: Contract): ParameterDecorator {
  return (target, key, index) => {
    Body(contractPipeOf(contract, 'body'))(target, key, index);
    plainDesignType(target, key, index);
    onMethod(target, key, ApiBody({ schema: referenceTo(contract) }));
  };
}

/** The query string, read as the contract's types and checked; each property is a documented parameter. */
export function ContractQuery(contract: Contract): ParameterDecorator {
  return (target, key, index) => {
    Query(contractPipeOf(contract, 'query'))(target, key, index);
    plainDesignType(target, key, index);
    for (const [name, schema, required] of propertiesOf(contract)) onMethod(target, key, ApiQuery({ name, schema, required }));
  };
}

/** The path parameters, checked; each property is a documented path parameter. */
export function ContractParams(contract: Contract): ParameterDecorator {
  return (target, key, index) => {
    Param(contractPipeOf(contract, 'params'))(target, key, index);
    plainDesignType(target, key, index);
    for (const [name, schema] of propertiesOf(contract)) onMethod(target, key, ApiParam({ name, schema, required: true }));
  };
}

type Route<T> = (...args: never[]) => T | Promise<T>;

/** The answer of a route: documented by the contract's schema, and the method must return its type. */
export function ContractAnswer<C extends Contract>(status: number, contract: C, description: string) {
  return <R extends Route<Payload<C>>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<R>): void => {
    ApiResponse({ status, description, schema: referenceTo(contract) })(target, key, descriptor);
  };
}

/** An answer that is a list of one contract's items. */
export function ContractListAnswer<C extends Contract>(status: number, contract: C, description: string) {
  return <R extends Route<Payload<C>[]>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<R>): void => {
    ApiResponse({ status, description, schema: { type: 'array', items: referenceTo(contract) } })(target, key, descriptor);
  };
}

/** An answer the route writes already serialised (a cached document): documented, its type checked where it is built. */
export function ContractDocumentAnswer(status: number, contract: Contract, description: string): MethodDecorator {
  return ApiResponse({ status, description, schema: referenceTo(contract) });
}

/** An answer that is not JSON (CSV, iCalendar, a CRL): documented with its media type as text or bytes. */
export function MediaAnswer(status: number, mediaType: string, description: string, format: 'text' | 'binary' = 'text'): MethodDecorator {
  const schema: SchemaObject = format === 'binary' ? { type: 'string', format: 'binary' } : { type: 'string' };
  return applyDecorators(ApiProduces(mediaType), ApiResponse({ status, description, content: { [mediaType]: { schema } } }));
}

/** A FHIR R4 JSON answer: sent as `application/fhir+json`, documented by the contract's schema under that media type. */
export function FhirAnswer<C extends Contract>(status: number, contract: C, mediaType: string, description: string) {
  return <R extends Route<Payload<C>>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<R>): void => {
    applyDecorators(
      Header('content-type', `${mediaType}; charset=utf-8`),
      ApiProduces(mediaType),
      ApiResponse({ status, description, content: { [mediaType]: { schema: referenceTo(contract) } } }),
    )(target, key, descriptor);
  };
}
