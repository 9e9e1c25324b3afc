import { Controller, Get, Injectable } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';

/** Holds the document built once the app is initialised (it needs every route registered first). */
@Injectable()
export class OpenApiDocumentHolder {
  document: OpenAPIObject | null = null;
}

@ApiExcludeController()
@Controller()
export class OpenApiController {
  constructor(private readonly holder: OpenApiDocumentHolder) {}

  @Get('openapi.json')
  @Public()
  document(): OpenAPIObject | Record<string, never> {
    return this.holder.document ?? {};
  }
}
