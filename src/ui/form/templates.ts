/**
 * "New resource" templates: the smallest document of each kind that validates without an error or a
 * warning, so that a new resource opens clean and ready to fill. `{{name}}` and `{{namespace}}` are
 * filled in by newDocument (the namespace of the selected resource, a name not taken yet).
 */
export const TEMPLATES: { kind: string; base: string; yaml: string }[] = [
  {
    kind: 'IngressRoute',
    base: 'new-route',
    yaml: `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: {{name}}
  namespace: {{namespace}}
spec:
  entryPoints:
    - websecure
  routes:
    - kind: Rule
      match: Host(\`app.example.com\`)
      services:
        - name: app
          port: 80
  tls: {}
`,
  },
  { kind: 'Middleware', base: 'new-middleware', yaml: doc('Middleware', 'spec:\n  stripPrefix:\n    prefixes:\n      - /api\n') },
  {
    kind: 'TraefikService',
    base: 'new-weighted',
    yaml: doc('TraefikService', 'spec:\n  weighted:\n    services:\n      - name: app-v1\n        port: 80\n        weight: 3\n      - name: app-v2\n        port: 80\n        weight: 1\n'),
  },
  { kind: 'TLSOption', base: 'new-tls-option', yaml: doc('TLSOption', 'spec:\n  minVersion: VersionTLS12\n') },
  { kind: 'TLSStore', base: 'default', yaml: doc('TLSStore', 'spec:\n  defaultCertificate:\n    secretName: default-certificate\n') },
  { kind: 'ServersTransport', base: 'new-transport', yaml: doc('ServersTransport', 'spec:\n  serverName: backend.internal\n') },
  {
    kind: 'IngressRouteTCP',
    base: 'new-tcp-route',
    yaml: doc('IngressRouteTCP', 'spec:\n  entryPoints:\n    - websecure\n  routes:\n    - match: HostSNI(`app.example.com`)\n      services:\n        - name: app\n          port: 443\n  tls:\n    passthrough: true\n'),
  },
  { kind: 'Service', base: 'app', yaml: `apiVersion: v1\nkind: Service\nmetadata:\n  name: {{name}}\n  namespace: {{namespace}}\nspec:\n  ports:\n    - name: http\n      port: 80\n      targetPort: 8080\n  selector:\n    app: {{name}}\n` },
];

function doc(kind: string, spec: string): string {
  return `apiVersion: traefik.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: {{name}}\n  namespace: {{namespace}}\n${spec}`;
}

/** A Middleware of one type, with the least that type needs. */
const MIDDLEWARE_SPECS: Record<string, string> = {
  stripPrefix: 'stripPrefix:\n    prefixes:\n      - /api\n',
  addPrefix: 'addPrefix:\n    prefix: /api\n',
  redirectScheme: 'redirectScheme:\n    scheme: https\n    permanent: true\n',
  ipAllowList: 'ipAllowList:\n    sourceRange:\n      - 10.0.0.0/8\n',
  headers: 'headers:\n    customResponseHeaders:\n      X-Served-By: traefik\n',
  basicAuth: 'basicAuth:\n    secret: {{name}}-users\n',
  rateLimit: 'rateLimit:\n    average: 100\n    burst: 50\n',
  compress: 'compress: {}\n',
  retry: 'retry:\n    attempts: 3\n',
};

/** A kubernetes.io/basic-auth Secret for a new basicAuth Middleware: one user whose password is to be changed. */
const BASIC_AUTH_SECRET = `---
apiVersion: v1
kind: Secret
metadata:
  name: {{name}}-users
  namespace: {{namespace}}
type: kubernetes.io/basic-auth
stringData:
  username: admin
  password: change-me
`;

/**
 * The YAML of a new document of `kind`, with its name and namespace filled in.
 *
 * @example
 * newDocument('Middleware', 'shop', 'new-middleware', 'addPrefix') // '…kind: Middleware…  addPrefix:\n    prefix: /api\n'
 */
export function newDocument(kind: string, namespace: string, name: string, middlewareType?: string): string | null {
  const t = TEMPLATES.find((x) => x.kind === kind);
  if (!t) return null;
  let yaml = kind === 'Middleware' && middlewareType ? doc('Middleware', `spec:\n  ${MIDDLEWARE_SPECS[middlewareType] ?? `${middlewareType}: {}\n`}`) : t.yaml;
  // Traefik drops a basicAuth Middleware whose Secret it cannot read: the users' Secret comes with it.
  if (kind === 'Middleware' && middlewareType === 'basicAuth') yaml += BASIC_AUTH_SECRET;
  return yaml.replaceAll('{{name}}', name).replaceAll('{{namespace}}', namespace);
}

/**
 * `base`, or `base-2`, `base-3`… : the first name not taken.
 *
 * @example
 * uniqueName('new-route', ['new-route']) // 'new-route-2'
 */
export function uniqueName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}-${i}`)) return `${base}-${i}`;
}
