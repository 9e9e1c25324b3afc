import { stringify } from 'yaml';
import { NUMBER_SENTINEL_BASE, type ValuesContext } from './values-context';

interface Block {
  start: number;
  end: number;
  open: string;
}

const indentOf = (line: string): number => line.length - line.trimStart().length;

/** Every string double-quoted, so a marker always sits inside quotes we can find. */
export function toYaml(manifest: unknown): string {
  return stringify(manifest, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
}

/** The list item (or, outside a list, the single line) a marker on line `index` belongs to. */
function enclosingItem(lines: string[], index: number): { start: number; end: number } {
  const markerIndent = indentOf(lines[index] ?? '');
  let start = -1;
  for (let i = index; i >= 0; i -= 1) {
    const line = lines[i] ?? '';
    const dash = line.match(/^(\s*)- /);
    if (dash && (i === index || (dash[1] ?? '').length < markerIndent)) {
      start = i;
      break;
    }
    if (i !== index && line.trim() !== '' && indentOf(line) < markerIndent && !dash) break;
  }
  if (start === -1) return { start: index, end: index };
  const dashIndent = indentOf(lines[start] ?? '');
  let end = start;
  while (end + 1 < lines.length && indentOf(lines[end + 1] ?? '') > dashIndent) end += 1;
  return { start, end };
}

function conditionalBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  lines.forEach((line, index) => {
    for (const match of line.matchAll(/@@([oer]):([A-Za-z0-9_.]+)@@/g)) {
      const [, kind, path] = match;
      const open = kind === 'r' ? `{{- range $item := .Values.${path} }}` : `{{- if .Values.${path} }}`;
      if (kind === 'e' && /^\s*- /.test(line)) throw new Error(`optional entry starts a list item: ${line}`);
      const item = kind === 'e' ? { start: index, end: index } : enclosingItem(lines, index);
      const same = blocks.find((block) => block.start === item.start && block.end === item.end);
      if (same && same.open !== open) throw new Error(`two conditions on one item: ${same.open} and ${open}`);
      if (!same) blocks.push({ ...item, open });
    }
  });
  for (const a of blocks) {
    for (const b of blocks) {
      if (a !== b && a.start <= b.end && b.start <= a.end) throw new Error(`nested template blocks at line ${a.start}`);
    }
  }
  return blocks.sort((a, b) => b.start - a.start);
}

function substitute(line: string, numberPaths: Map<number, string>, choices: Map<string, [string, string]>): string {
  return line
    .replace(/"@@t:([A-Za-z0-9_.]+)@@"/g, (_, path: string) => {
      const choice = choices.get(path);
      if (!choice) throw new Error(`no choice for ${path}`);
      return `{{ ternary ${JSON.stringify(choice[0])} ${JSON.stringify(choice[1])} .Values.${path} | quote }}`;
    })
    .replace(/"@@[voe]:([A-Za-z0-9_.]+)@@"/g, '{{ .Values.$1 | quote }}')
    .replace(/@@[voe]:([A-Za-z0-9_.]+)@@/g, '{{ .Values.$1 }}')
    .replace(/"@@r:[A-Za-z0-9_.]+@@"/g, '{{ $item | quote }}')
    .replace(/@@r:[A-Za-z0-9_.]+@@/g, '{{ $item }}')
    .replace(/(?<!\d)777\d{4}(?!\d)/g, (digits) => {
      const path = numberPaths.get(Number(digits));
      if (!path || Number(digits) <= NUMBER_SENTINEL_BASE) throw new Error(`unknown number sentinel ${digits}`);
      return `{{ .Values.${path} }}`;
    });
}

/** Turns one manifest synthesized in template mode into the text of a Helm template file. */
export function toHelmTemplate(manifest: unknown, context: ValuesContext, condition?: string): string {
  let lines = toYaml(manifest).trimEnd().split('\n');
  lines = lines.flatMap((line) => {
    const raw = line.match(/^(\s*)"?@@x:([A-Za-z0-9_.]+)@@"?: ""$/);
    if (!raw) return [line];
    const template = context.rawBlocks.get(raw[2] ?? '');
    if (template === undefined) throw new Error(`no raw block for ${raw[2]}`);
    return template.split('\n').map((text) => `${raw[1]}${text}`);
  });
  for (const block of conditionalBlocks(lines)) {
    lines.splice(block.end + 1, 0, '{{- end }}');
    lines.splice(block.start, 0, block.open);
  }
  lines = lines.map((line) => substitute(line, context.numberPaths, context.choices));
  if (condition) lines = [`{{- if .Values.${condition} }}`, ...lines, '{{- end }}'];
  const text = lines.join('\n');
  if (text.includes('@@')) throw new Error(`unresolved marker in template:\n${text}`);
  return `${text}\n`;
}
