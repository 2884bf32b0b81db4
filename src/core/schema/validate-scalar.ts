/**
 * Checks on one scalar value: enum, deprecated values, pattern and length, numeric bounds (BigInt
 * beyond 2^53), quoted port numbers, and `@` in reference names (resolveReference in
 * pkg/provider/kubernetes/crd/kubernetes.go reads `name@provider` verbatim).
 */
import { diagnostic } from '../diagnostic.ts';
import type { Path, Severity, YMap, YScalar } from '../types.ts';
import { SCHEMA_CODES } from './codes.ts';
import type { JsonSchema } from './json-schema.ts';
import { closest, codeList, fieldName } from './messages.ts';
import { type WalkContext, deref, pairValue, scalarEditRange } from './walk-context.ts';

function report(ctx: WalkContext, code: keyof typeof SCHEMA_CODES, message: string, node: YScalar, extra: Parameters<typeof diagnostic>[5] = {}): void {
  ctx.out.push(diagnostic(SCHEMA_CODES, code, message, ctx.file, { ...node.range }, extra));
}

function checkEnum(node: YScalar, schema: JsonSchema, name: string, ctx: WalkContext): void {
  const allowed = schema.enum;
  if (!allowed || allowed.some((v) => v === node.value)) return;
  const text = String(node.value);
  const sameCase = allowed.find((v) => String(v).toLowerCase() === text.toLowerCase());
  const near = sameCase ?? closest(text, allowed.map(String));
  const severity: Severity | undefined = schema['x-enumSeverity'];
  const msg = near
    ? `\`${name}\` cannot be \`${text}\`: did you mean \`${String(near)}\`?${sameCase ? ' Values are case-sensitive.' : ''}`
    : `\`${name}\` cannot be \`${text}\`; allowed values: ${codeList(allowed)}.`;
  report(ctx, 'SCHEMA_ENUM', msg, node, {
    ...(severity ? { severity } : {}),
    fixes: near ? [{ title: `Change to \`${String(near)}\``, edits: [{ range: scalarEditRange(node), text: String(near) }] }] : [],
  });
}

function checkNumber(node: YScalar, schema: JsonSchema, name: string, ctx: WalkContext): void {
  if (typeof node.value !== 'number') return;
  const hint = schema['x-rangeHint'] ? ` (${schema['x-rangeHint']})` : '';
  const digits = node.text.replace(/_/g, '').trim();
  const max = schema['x-maximumText'];
  let over: boolean;
  if (max !== undefined && /^[-+]?\d+$/.test(digits)) over = BigInt(digits) > BigInt(max);
  else over = schema.maximum !== undefined && node.value > schema.maximum;
  if (over) {
    report(ctx, 'SCHEMA_RANGE', `\`${name}\` must be at most ${max ?? String(schema.maximum)}${hint}; it is ${node.text}.`, node);
  } else if (schema.minimum !== undefined && node.value < schema.minimum) {
    report(ctx, 'SCHEMA_RANGE', `\`${name}\` must be at least ${String(schema.minimum)}${hint}; it is ${node.text}.`, node);
  }
}

const regexCache = new Map<string, RegExp | null>();

/** Schema patterns compiled once; a pattern that does not compile checks nothing. */
function compiled(pattern: string): RegExp | null {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      re = null;
    }
    regexCache.set(pattern, re);
  }
  return re;
}

function checkString(node: YScalar, schema: JsonSchema, name: string, ctx: WalkContext): void {
  if (typeof node.value !== 'string') return;
  const value = node.value;
  if (schema['x-portName'] && /^\d+$/.test(value)) {
    report(
      ctx,
      'SCHEMA_PORT_STRING',
      `\`${name}: "${value}"\` is a string, so Traefik looks for a Service port *named* "${value}". Write \`${name}: ${value}\` without quotes to use the port number.`,
      node,
      { fixes: [{ title: `Use the port number ${value}`, edits: [{ range: { ...node.range }, text: value }] }] },
    );
  }
  const tooLong = schema.maxLength !== undefined && value.length > schema.maxLength;
  let mismatch = false;
  const regex = schema.pattern ? compiled(schema.pattern) : null;
  if (regex) mismatch = !regex.test(value);
  if (mismatch || tooLong) {
    const what = schema['x-patternHint'] ?? `text matching \`${schema.pattern ?? ''}\``;
    const why = tooLong && !mismatch ? ` (it has ${value.length} characters)` : '';
    report(ctx, 'SCHEMA_PATTERN', `\`${name}\` must be ${what}; "${value}" is not${why}.`, node);
  }
}

/**
 * Type-independent checks of a scalar already known to have an accepted type.
 *
 * @example
 * checkScalar(node, schema.properties.scheme, ['spec', 'routes', 0, 'services', 0, 'scheme'], ctx)
 */
export function checkScalar(node: YScalar, schema: JsonSchema, path: Path, ctx: WalkContext): void {
  const name = fieldName(path);
  checkEnum(node, schema, name, ctx);
  const replacement = schema['x-deprecatedValues']?.[String(node.value)];
  if (replacement) report(ctx, 'SCHEMA_DEPRECATED', `\`${name}: ${String(node.value)}\` is deprecated: ${replacement}.`, node);
  checkNumber(node, schema, name, ctx);
  checkString(node, schema, name, ctx);
}

const PROVIDER_NOTE = (provider: string): string =>
  provider === 'kubernetescrd'
    ? ' A `@kubernetescrd` reference also needs the provider option `allowCrossNamespace`.'
    : '';

/**
 * `@` in a reference name, judged with its siblings (`kind`, `namespace`).
 *
 * @example
 * checkAt(nameNode, nameSchema, middlewareRefMap, ['spec', 'routes', 0, 'middlewares', 0, 'name'], ctx)
 */
export function checkAt(node: YScalar, schema: JsonSchema, parent: YMap, path: Path, ctx: WalkContext): void {
  const policy = schema['x-at'];
  if (!policy || typeof node.value !== 'string' || !node.value.includes('@')) return;
  const value = node.value;
  const provider = value.slice(value.lastIndexOf('@') + 1);
  const namespace = deref(pairValue(parent, 'namespace'));
  const nsNote = namespace?.kind === 'scalar' && namespace.value ? ' Its `namespace` is ignored for such references.' : '';
  const what = policy === 'middleware' ? 'middleware' : policy === 'tls-option' ? 'TLS option' : 'service';
  if (policy === 'forbidden') {
    report(ctx, 'SCHEMA_AT_IN_NAME', `\`${fieldName(path)}\` cannot contain \`@\`: "${value}" is not a valid Kubernetes name here. Remove the \`@${provider}\` part.`, node, {
      severity: 'error',
    });
    return;
  }
  if (policy === 'service') {
    const kind = deref(pairValue(parent, 'kind'));
    const isTraefikService = kind?.kind === 'scalar' && kind.value === 'TraefikService';
    if (!isTraefikService) {
      report(
        ctx,
        'SCHEMA_AT_IN_NAME',
        `"${value}" contains \`@\`, which a Kubernetes Service name cannot: Traefik only reads \`name@provider\` as a service of another provider with \`kind: TraefikService\`. Add \`kind: TraefikService\` or remove \`@${provider}\`.`,
        node,
        { severity: 'error' },
      );
      return;
    }
  }
  // The reference pages forbid `@` in middleware and service names; Traefik's resolveReference and
  // fullServiceName read `name@provider` verbatim (TLS option names: the pages say nothing).
  const referenceSays = policy === 'tls-option' ? '' : `The IngressRoute reference says \`@\` is not allowed in a ${what} name, but `;
  report(
    ctx,
    'SCHEMA_AT_IN_NAME',
    `"${value}" contains \`@\`. ${referenceSays}Traefik reads \`name@provider\` as a ${what} defined by another provider (here \`${provider}\`) and uses it as written.${nsNote}${PROVIDER_NOTE(provider)} Keep it only if you mean that ${what}; otherwise remove \`@${provider}\` and use \`namespace\`.`,
    node,
  );
}
