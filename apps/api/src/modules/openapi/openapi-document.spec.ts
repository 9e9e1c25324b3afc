import SwaggerParser from '@apidevtools/swagger-parser';
import { Body, Controller, Param, Post } from '@nestjs/common';
import type { OpenAPIV3_1 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import { generateOpenApiDocument, withPreviewApp } from '../../openapi';
import { openApiDocument } from './openapi-document';
import { controllerTypes, uncheckedRouteArguments, undeclaredInDocument, type OpenApiPaths } from './undeclared-payloads';

describe('the OpenAPI document', () => {
  it('is generated from the routes and contracts without a database, and is valid OpenAPI 3.1', async () => {
    const document = JSON.parse(await generateOpenApiDocument()) as OpenAPIV3_1.Document;
    await SwaggerParser.validate(structuredClone(document));
    expect(document.paths?.['/api/registrations']?.post?.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/RegistrationRequest' } } },
    });
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(expect.arrayContaining(['RegistrationRequest', 'CreateBookingRequest', 'BookingConfirmation']));
  }, 60_000);

  it('declares every operation: a 2xx answer with its schema, the body as a contract, and every route argument read through one', async () => {
    const { document, unchecked } = await withPreviewApp((app) => ({
      document: JSON.parse(JSON.stringify(openApiDocument(app))) as OpenApiPaths,
      unchecked: uncheckedRouteArguments(controllerTypes(app)),
    }));
    expect(Object.keys(document.paths ?? {}).length).toBeGreaterThan(60);
    expect(undeclaredInDocument(document)).toEqual([]);
    expect(unchecked).toEqual([]);
  }, 60_000);
});

describe('finding undeclared payloads', () => {
  type Operation = NonNullable<NonNullable<OpenApiPaths['paths']>[string]>['post'];
  const document = (operation: Operation): OpenApiPaths => ({ paths: { '/things/{id}': { post: operation } }, components: { schemas: { Thing: { type: 'object' } } } });
  const json = (schema: { $ref?: string; type?: string; items?: { $ref: string } }) => ({ 'application/json': { schema } });

  it('accepts contracts, lists of them, text media types and 204', () => {
    expect(
      undeclaredInDocument(document({ requestBody: { content: json({ $ref: '#/components/schemas/Thing' }) }, responses: { '204': { description: 'done' } } })),
    ).toEqual([]);
    expect(
      undeclaredInDocument(document({ responses: { '200': { description: 'list', content: json({ type: 'array', items: { $ref: '#/components/schemas/Thing' } }) } } })),
    ).toEqual([]);
    expect(undeclaredInDocument(document({ responses: { '200': { description: 'csv', content: { 'text/csv': { schema: { type: 'string' } } } } } }))).toEqual([]);
  });

  it('names an answer without a schema, a missing 2xx, a body that is no contract, a parameter without a schema and an unbounded number', () => {
    expect(undeclaredInDocument(document({ responses: { '200': { description: 'something' } } }))).toEqual(['POST /things/{id} answer 200 has no content']);
    expect(undeclaredInDocument(document({ responses: { '409': { description: 'conflict' } } }))).toEqual(['POST /things/{id} declares no 2xx answer']);
    expect(
      undeclaredInDocument(
        document({
          requestBody: { content: json({ $ref: '#/components/schemas/ThingDto' }) },
          parameters: [
            { name: 'id', in: 'path' },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } },
          ],
          responses: { '201': { description: 'made', content: json({ type: 'object' }) } },
        }),
      ),
    ).toEqual([
      'POST /things/{id} answer 201 (application/json) has no declared schema',
      'POST /things/{id} body (application/json) has no declared schema',
      'POST /things/{id} parameter id has no schema',
      'POST /things/{id} parameter offset is a number without a maximum',
    ]);
  });

  it('names a route argument read without a contract', () => {
    @Controller('things')
    class ThingController {
      @Post(':id')
      make(@Param('id') id: string, @Body() body: unknown): unknown {
        return { id, body };
      }
    }
    expect(uncheckedRouteArguments([ThingController]).sort()).toEqual([
      'ThingController.make reads its body without a contract',
      'ThingController.make reads its path parameters without a contract',
    ]);
  });
});
