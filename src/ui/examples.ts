/** The examples gallery; the files live in public/examples and are served from our own origin. */
export const EXAMPLES = [
  { name: 'default', title: 'Shop: web, API canary, admin behind auth (built-in)' },
  { name: 'https-redirect', title: 'Simple web app with HTTPS redirect' },
  { name: 'canary', title: 'Canary weights and traffic mirroring' },
  { name: 'microservices', title: 'Path-based microservices with StripPrefix' },
  { name: 'tls-conflict', title: 'TLS options per host, with a conflict' },
  { name: 'v2-syntax', title: 'A v2-syntax configuration to migrate' },
  { name: 'ingress-nginx', title: 'An ingress-nginx app (rewrite-target, auth, CORS, canary) to convert' },
] as const;
