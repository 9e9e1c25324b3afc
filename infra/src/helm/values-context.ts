import type { IConstruct } from 'constructs';

/**
 * The same chart code builds two things: concrete manifests (for tests and validation) and the
 * Helm templates committed under charts/. In template mode every value is a marker the template
 * writer turns into a `{{ .Values.* }}` expression, so the templates cannot drift from the code.
 *
 * Markers: `@@v:path@@` a value, `@@o:path@@` a value whose list item is left out when empty,
 * `@@e:path@@` a value whose own line is left out when empty, `@@r:path@@` one list item repeated for each element, `@@x:path@@` a raw template block,
 * `@@t:path@@` one of two texts chosen by a boolean;
 * numbers become sentinels (see NUMBER_SENTINEL_BASE).
 */
export type ValuesMode = 'concrete' | 'template';

export const NUMBER_SENTINEL_BASE = 7_770_000;
const MARKER = /@@([voexrt]):([A-Za-z0-9_.]+)@@/;

export class ValuesContext {
  readonly numberPaths = new Map<number, string>();
  readonly rawBlocks = new Map<string, string>();
  readonly choices = new Map<string, [string, string]>();
  private readonly conditions = new WeakMap<IConstruct, string>();

  constructor(readonly mode: ValuesMode) {}

  /** The values the chart code reads: the given ones, or markers in template mode. */
  values<T extends object>(concrete: T): T {
    return this.mode === 'concrete' ? concrete : (this.trace(concrete, '') as T);
  }

  /** A string that may be empty: the list item holding it is left out when it is. */
  whenSet(value: string): string | undefined {
    if (this.mode === 'template') return value.replace('@@v:', '@@o:');
    return value === '' ? undefined : value;
  }

  /** A string that may be empty: only its own mapping entry is left out when it is. */
  entryWhenSet(value: string): string | undefined {
    if (this.mode === 'template') return value.replace('@@v:', '@@e:');
    return value === '' ? undefined : value;
  }

  /** Builds an optional component; in template mode its objects are wrapped in `if .Values.<path>`. */
  when(scope: IConstruct, enabledPath: string, enabled: boolean, build: () => IConstruct): void {
    if (this.mode === 'concrete') {
      if (enabled) build();
      return;
    }
    this.conditions.set(build(), enabledPath);
  }

  /** The condition of the nearest conditional ancestor of a construct, if any. */
  conditionOf(construct: IConstruct): string | undefined {
    return construct.node.scopes.map((scope) => this.conditions.get(scope)).find((path) => path !== undefined);
  }

  /**
   * A text chosen by a switch. Chart code must not branch on a boolean value itself: in template mode
   * every boolean reads true, and the branch would be frozen into the template.
   */
  either(enabledPath: string, enabled: boolean, whenOn: string, whenOff: string): string {
    if (this.mode === 'concrete') return enabled ? whenOn : whenOff;
    this.choices.set(enabledPath, [whenOn, whenOff]);
    return `@@t:${enabledPath}@@`;
  }

  /** A mapping the chart cannot express with markers (a map built from a list of objects). */
  rawData(path: string, concrete: () => Record<string, string>, template: string): Record<string, string> {
    if (this.mode === 'concrete') return concrete();
    this.rawBlocks.set(path, template);
    return { [`@@x:${path}@@`]: '' };
  }

  private trace(value: unknown, path: string): unknown {
    if (typeof value === 'string') return `@@v:${path}@@`;
    if (typeof value === 'number') {
      const sentinel = NUMBER_SENTINEL_BASE + this.numberPaths.size + 1;
      this.numberPaths.set(sentinel, path);
      return sentinel;
    }
    if (typeof value === 'boolean') {
      // Booleans only switch components on (see when()); in template mode every component is built.
      if (!path.endsWith('.enabled')) throw new Error(`boolean value ${path} must be named "enabled"`);
      return true;
    }
    if (Array.isArray(value)) {
      if (!value.every((item) => typeof item === 'string')) {
        throw new Error(`list value ${path} must hold strings; use rawData() for lists of objects`);
      }
      return [`@@r:${path}@@`];
    }
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, this.trace(child, path ? `${path}.${key}` : key)]));
    }
    throw new Error(`value ${path} has an unsupported type`);
  }
}

export function containsMarker(text: string): boolean {
  return MARKER.test(text);
}
