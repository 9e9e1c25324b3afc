import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { ACCESS_METADATA, type AccessRule } from '../../src/modules/auth/access.decorators';

export interface RouteEntry {
  method: string;
  path: string;
  rule: AccessRule | undefined;
}

function joinPath(...parts: string[]): string {
  return `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;
}

/** Every route the application serves, read from Nest's own metadata, with its declared access rule. */
export function routeTable(app: INestApplication, prefix: string): RouteEntry[] {
  const routes: RouteEntry[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      const classRule = Reflect.getMetadata(ACCESS_METADATA, type) as AccessRule | undefined;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        routes.push({
          method: RequestMethod[method],
          // Keys are published at the host's root (excluded from the global prefix).
          path: base === '.well-known' ? joinPath(base, path) : joinPath(prefix, base, path),
          rule: (Reflect.getMetadata(ACCESS_METADATA, handler) as AccessRule | undefined) ?? classRule,
        });
      }
    }
  }
  return routes;
}
