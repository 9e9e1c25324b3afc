import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { isContractPipe } from '../../common/contract/contract.pipe';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const NO_CONTENT = '204';

/** The parts of an OpenAPI 3.1 document this check reads. */
interface Schema {
  $ref?: string;
  type?: unknown;
  items?: Schema;
}
type Content = Record<string, { schema?: Schema }>;
interface ParameterSchema {
  type?: unknown;
  minimum?: number;
  maximum?: number;
  anyOf?: ParameterSchema[];
}
interface Operation {
  responses?: Record<string, { description?: string; content?: Content }>;
  requestBody?: { required?: boolean; content?: Content };
  parameters?: { name: string; in?: string; schema?: ParameterSchema }[];
}
export interface OpenApiPaths {
  paths?: Record<string, Partial<Record<(typeof METHODS)[number], Operation>> | undefined>;
  components?: { schemas?: Record<string, unknown> };
}

/** A JSON payload is declared when it is a contract's component, or a list of one. */
function declaresContract(schema: Schema | undefined, components: Record<string, unknown>): boolean {
  if (schema?.$ref !== undefined) return schema.$ref.replace('#/components/schemas/', '') in components;
  return schema?.type === 'array' && declaresContract(schema.items, components);
}

/**
 * Query and path numbers are read from text: without a maximum, `offset=99999999999999999999` would
 * pass as 1e20 and reach Postgres.
 */
function isUnboundedNumber(schema: ParameterSchema): boolean {
  const variants = schema.anyOf ?? [schema];
  return variants.some((variant) => (variant.type === 'integer' || variant.type === 'number') && variant.maximum === undefined);
}

/** Other media types (CSV, iCalendar, NDJSON: one JSON document per line, not one document) are declared as text or bytes. */
const declaresText = (schema: Schema | undefined) => schema?.type === 'string';

function contentProblems(where: string, content: Content | undefined, components: Record<string, unknown>): string[] {
  const entries = Object.entries(content ?? {});
  if (entries.length === 0) return [`${where} has no content`];
  return entries.flatMap(([mediaType, { schema }]) => {
    const declared = mediaType.endsWith('json') && !mediaType.endsWith('ndjson') ? declaresContract(schema, components) : declaresText(schema);
    return declared ? [] : [`${where} (${mediaType}) has no declared schema`];
  });
}

/**
 * What the document leaves undeclared: an operation without a 2xx answer, a 2xx answer (other than
 * 204) without a schema, a body that is not a contract, a parameter without a schema or a number
 * parameter without a maximum.
 */
export function undeclaredInDocument(document: OpenApiPaths): string[] {
  const components = document.components?.schemas ?? {};
  const problems: string[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const name = `${method.toUpperCase()} ${path}`;
      const answers = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
      if (answers.length === 0) problems.push(`${name} declares no 2xx answer`);
      for (const [status, { content }] of answers) {
        if (status === NO_CONTENT) {
          if (content && Object.keys(content).length > 0) problems.push(`${name} answers 204 with content`);
        } else {
          problems.push(...contentProblems(`${name} answer ${status}`, content, components));
        }
      }
      if (operation.requestBody) problems.push(...contentProblems(`${name} body`, operation.requestBody.content, components));
      for (const parameter of operation.parameters ?? []) {
        if (!parameter.schema) problems.push(`${name} parameter ${parameter.name} has no schema`);
        else if (isUnboundedNumber(parameter.schema)) problems.push(`${name} parameter ${parameter.name} is a number without a maximum`);
      }
    }
  }
  return problems;
}

interface RouteArgument {
  index: number;
  data: unknown;
  pipes: unknown[];
}

// Nest keys a route argument `<RouteParamtypes>:<index>`.
const CHECKED = new Map<string, string>([
  [String(RouteParamtypes.BODY), 'body'],
  [String(RouteParamtypes.QUERY), 'query'],
  [String(RouteParamtypes.PARAM), 'path parameters'],
  [String(RouteParamtypes.RAW_BODY), 'raw body'],
]);

type ControllerType = new (...args: never[]) => unknown;

/** Every controller class of the application. */
export function controllerTypes(app: INestApplication): ControllerType[] {
  return [...app.get(ModulesContainer).values()].flatMap((module) =>
    [...module.controllers.values()].flatMap((wrapper) => (wrapper.metatype ? [wrapper.metatype as ControllerType] : [])),
  );
}

/**
 * Route arguments read from the request without a contract: a body, query or path parameter taken by
 * `@Body()`, `@Query('x')` or `@Param('x')` is neither validated nor in the document.
 */
export function uncheckedRouteArguments(controllers: ControllerType[]): string[] {
  const problems: string[] = [];
  for (const type of controllers) {
    for (const name of Object.getOwnPropertyNames(type.prototype)) {
      const routeArguments = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {}) as Record<string, RouteArgument>;
      for (const [key, argument] of Object.entries(routeArguments)) {
        const part = CHECKED.get(key.split(':')[0] ?? '');
        if (!part) continue;
        const byContract = argument.data === undefined && argument.pipes.some(isContractPipe);
        if (!byContract) problems.push(`${type.name}.${name} reads its ${part} without a contract`);
      }
    }
  }
  return problems;
}
