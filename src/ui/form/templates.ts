/** "New resource" templates: each inserted as a new `---` document at the end of the active file. */
export const TEMPLATES: { kind: string; yaml: string }[] = [
  {
    kind: 'IngressRoute',
    yaml: `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: new-route
  namespace: default
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
  {
    kind: 'Middleware',
    yaml: `apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: new-middleware
  namespace: default
spec:
  stripPrefix:
    prefixes:
      - /api
`,
  },
  {
    kind: 'TraefikService',
    yaml: `apiVersion: traefik.io/v1alpha1
kind: TraefikService
metadata:
  name: new-weighted
  namespace: default
spec:
  weighted:
    services:
      - name: app-v1
        port: 80
        weight: 3
      - name: app-v2
        port: 80
        weight: 1
`,
  },
  {
    kind: 'TLSOption',
    yaml: `apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata:
  name: new-tls-option
  namespace: default
spec:
  minVersion: VersionTLS12
  sniStrict: false
`,
  },
  {
    kind: 'TLSStore',
    yaml: `apiVersion: traefik.io/v1alpha1
kind: TLSStore
metadata:
  name: default
  namespace: default
spec:
  defaultCertificate:
    secretName: default-certificate
`,
  },
  {
    kind: 'ServersTransport',
    yaml: `apiVersion: traefik.io/v1alpha1
kind: ServersTransport
metadata:
  name: new-transport
  namespace: default
spec:
  serverName: backend.internal
  insecureSkipVerify: false
`,
  },
  {
    kind: 'Service',
    yaml: `apiVersion: v1
kind: Service
metadata:
  name: app
  namespace: default
spec:
  ports:
    - name: http
      port: 80
      targetPort: 8080
  selector:
    app: app
`,
  },
];
