import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { withContractSchemas } from '../../common/contract/contract-schemas';

/**
 * The API's OpenAPI document, the same for every tenant: routes from the controllers, payloads from
 * the contracts. `apps/api/openapi.json` is this document, committed; CI fails when it drifts.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Vaccination center API')
      .setDescription('The API of one tenant. Errors are application/problem+json.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  // The contracts are JSON Schema 2020-12 (`const`, `type: 'null'`): the dialect of OpenAPI 3.1.
  return withContractSchemas({ ...document, openapi: '3.1.0' });
}

/** The document a tenant's API serves: the shared one, named and addressed for the tenant. */
export function tenantOpenApiDocument(document: OpenAPIObject, tenantSlug: string, publicUrl: string): OpenAPIObject {
  return { ...document, info: { ...document.info, title: `Vaccination center API (${tenantSlug})` }, servers: [{ url: publicUrl }] };
}
