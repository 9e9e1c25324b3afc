/** Just enough JSON Schema (draft-07, what Helm validates values.schema.json with) to describe chart values. */
export type JsonSchema = Record<string, unknown>;

// RE2 syntax (no look-around): Helm checks these patterns with Go's regexp.
const LABEL = '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?';
export const HOST_PATTERN = `^${LABEL}(\\.${LABEL})+$`;
export const SLUG_PATTERN = '^[a-z][a-z0-9-]{1,30}[a-z0-9]$';
export const DNS_LABEL_PATTERN = `^${LABEL}$`;

/** Every property is listed and required; values.yaml supplies the defaults, so nothing is ever missing. */
export function object(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    additionalProperties: false,
    required: Object.keys(properties),
    properties,
  };
}

export function text(description: string, pattern?: string): JsonSchema {
  return { type: 'string', description, ...(pattern ? { pattern } : {}) };
}

export function optionalText(description: string, pattern: string): JsonSchema {
  return { type: 'string', description, pattern: `^$|${pattern}` };
}

export function integer(description: string, minimum: number, maximum: number): JsonSchema {
  return { type: 'integer', description, minimum, maximum };
}

export function oneOf(description: string, values: string[]): JsonSchema {
  return { type: 'string', description, enum: values };
}

export function flag(description: string): JsonSchema {
  return { type: 'boolean', description };
}

export function hostList(description: string, minItems: number): JsonSchema {
  return { type: 'array', description, minItems, uniqueItems: true, items: { type: 'string', pattern: HOST_PATTERN } };
}

export function imageSchema(): JsonSchema {
  return object({
    repository: text('image repository', '^[a-z0-9./_:-]+$'),
    tag: text('tag, pinned by digest: 1.2.3@sha256:<64 hex>', '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}(@sha256:[a-f0-9]{64})?$'),
  });
}

export function resourcesSchema(): JsonSchema {
  return object({
    cpuRequestMillis: integer('CPU request, millicores', 10, 8000),
    cpuLimitMillis: integer('CPU limit, millicores', 10, 16000),
    memoryRequestMebibytes: integer('memory request, MiB', 32, 16384),
    memoryLimitMebibytes: integer('memory limit, MiB', 32, 32768),
  });
}

export function autoscalingSchema(): JsonSchema {
  return object({
    minReplicas: integer('at least two, so a drain never takes the service down', 2, 100),
    maxReplicas: integer('upper bound of the HorizontalPodAutoscaler', 2, 200),
    targetCpuUtilization: integer('average CPU utilization the autoscaler aims for, percent', 10, 95),
  });
}
