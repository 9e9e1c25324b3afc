import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import { generateOpenApiDocument } from '../../openapi';

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
});
