/**
 * Renders the small subset of Go templates that helm-template.ts writes, so tests can check the
 * committed templates without the helm binary: `{{ .Values.a.b }}`, `{{ $item }}`, `{{ $e.slug }}`,
 * `| quote`, `toJson X`, and `range $x := ...` / `if ...` / `end` on lines of their own.
 */
type Scope = Record<string, unknown>;

function lookup(root: unknown, path: string[]): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], root);
}

function evaluate(expression: string, values: unknown, scope: Scope): unknown {
  const [head, ...pipes] = expression.split('|').map((part) => part.trim());
  const [fn, arg] = (head ?? '').startsWith('toJson ') ? ['toJson', (head ?? '').slice(7)] : [undefined, head ?? ''];
  let value: unknown;
  if (arg.startsWith('.Values.')) value = lookup(values, arg.slice(8).split('.'));
  else if (arg.startsWith('$')) {
    const [name = '', ...path] = arg.slice(1).split('.');
    if (!(name in scope)) throw new Error(`undefined variable $${name}`);
    value = lookup(scope[name], path);
  } else throw new Error(`unsupported expression "${expression}"`);
  if (fn === 'toJson') value = JSON.stringify(value);
  for (const pipe of pipes) {
    if (pipe !== 'quote') throw new Error(`unsupported function "${pipe}"`);
    value = JSON.stringify(value === undefined || value === null ? '' : String(value));
  }
  return value;
}

function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return Boolean(value);
}

function interpolate(line: string, values: unknown, scope: Scope): string {
  return line.replace(/\{\{ (.+?) \}\}/g, (_, expression: string) => {
    const value = evaluate(expression, values, scope);
    if (value === undefined || value === null) return '<no value>';
    if (typeof value === 'object') throw new Error(`"${expression}" renders an object; use toJson`);
    return String(value);
  });
}

function findEnd(lines: string[], start: number): number {
  let depth = 0;
  for (let i = start; i < lines.length; i += 1) {
    const directive = lines[i]?.trim() ?? '';
    if (/^\{\{- (range|if) /.test(directive)) depth += 1;
    if (directive === '{{- end }}') depth -= 1;
    if (depth === 0) return i;
  }
  throw new Error(`no end for "${lines[start]}"`);
}

function renderLines(lines: string[], values: unknown, scope: Scope): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const range = line.trim().match(/^\{\{- range \$(\w+) := (.+) \}\}$/);
    const condition = line.trim().match(/^\{\{- if (.+) \}\}$/);
    if (range || condition) {
      const end = findEnd(lines, i);
      const body = lines.slice(i + 1, end);
      if (range) {
        const list = evaluate(range[2] ?? '', values, scope);
        if (list !== undefined && list !== null && !Array.isArray(list)) throw new Error(`range over non-list ${range[2]}`);
        for (const item of list ?? []) out.push(...renderLines(body, values, { ...scope, [range[1] ?? '']: item }));
      } else if (truthy(evaluate(condition?.[1] ?? '', values, scope))) {
        out.push(...renderLines(body, values, scope));
      }
      i = end;
      continue;
    }
    if (line.includes('{{-')) throw new Error(`unsupported directive "${line}"`);
    out.push(interpolate(line, values, scope));
  }
  return out;
}

export function renderTemplate(template: string, values: unknown): string {
  return renderLines(template.split('\n'), values, {}).join('\n');
}
