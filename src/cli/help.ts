/** The CLI's usage text: an overview, and one page per command (`COMMAND --help` or `help COMMAND`). */

export const COMMANDS = ['validate', 'export', 'simulate', 'test', 'rules', 'diff', 'convert'] as const;
export type CommandName = (typeof COMMANDS)[number];

const COMMON = `common options:
  --static FILE    Traefik static configuration (entryPoints, providers.kubernetesCRD, kubernetesIngress, kubernetesIngressNGINX)
  --traefik 3|2.11|hub
  --strict         Every reference missing from the files is an error
`;

export const USAGE = `usage: ingressroute-studio <command> [options] FILE…   (FILE may be - for standard input)

commands:
  validate FILE…   [--format text|json|sarif]
  export FILE…     [--format yaml|dynamic-json|dynamic-yaml] [--force] [-o OUT]
  simulate FILE…   --url URL [--method M] [--header 'K: V']… [--client-ip IP] [--sni NAME | --no-sni] [--entrypoint NAME] [--json]
  test FILE…       --cases CASES.yaml [--fail-under PCT] [--format text|junit]
  rules --jsonl    reads {"rule","syntax","request"} lines on standard input
  diff --base FILE… --head FILE…  [--format text|markdown|json]   routers, diagnostics and routing that change
  convert FILE…    [-o OUT]   Ingresses → IngressRoutes + Middlewares, with what cannot be converted and the proof
  help COMMAND     this command's options (also COMMAND --help)

${COMMON}
exit codes: 0 clean, 1 findings (errors, failed tests, routing changes), 2 bad usage or unreadable input
`;

/** Each command's page: what it does, its options, an example. The options named here are checked by a test. */
export const COMMAND_HELP: Record<CommandName, string> = {
  validate: `usage: ingressroute-studio validate FILE… [--format text|json|sarif] [common options]

Checks the files as one cluster would hold them: YAML, schema of every Traefik CRD kind, references,
rules and what Traefik does at runtime. Prints one line per problem (file:line:col severity CODE message)
and a summary on standard error.

options:
  --format text|json|sarif   text (default); json for scripts; sarif for code scanning (GitHub, GitLab)

${COMMON}
example:
  ingressroute-studio validate apps/*.yaml --format sarif > results.sarif
`,
  export: `usage: ingressroute-studio export FILE… [--format yaml|dynamic-json|dynamic-yaml] [--force] [-o OUT] [common options]

Writes the files back as one validated YAML stream, or the dynamic configuration the kubernetesCRD
provider would give Traefik. Refuses to export YAML with errors unless --force.

options:
  --format yaml|dynamic-json|dynamic-yaml   yaml (default): the manifests; dynamic-*: what the provider emits
  --force                                   export even when there are errors
  -o, --output OUT                          write to OUT instead of standard output

${COMMON}
example:
  ingressroute-studio export apps/*.yaml --format dynamic-yaml -o dynamic.yaml
`,
  simulate: `usage: ingressroute-studio simulate FILE… --url URL [options] [common options]

Shows which entryPoint, TLS option, certificate, router, middlewares and backend a request gets, and why.

options:
  --url URL               the request's URL (required)
  -X, --method M          HTTP method (default GET)
  -H, --header 'K: V'     a request header (repeat for several)
  --client-ip IP          the client's address (default 203.0.113.7)
  --sni NAME | --no-sni   the TLS server name (default: the URL's host, for https URLs)
  --entrypoint NAME       the entryPoint receiving the request (default: by the URL's port)
  --json                  the verdict as JSON

${COMMON}
example:
  ingressroute-studio simulate apps.yaml --url https://shop.example.com/api/orders -H 'X-Canary: on'
`,
  test: `usage: ingressroute-studio test FILE… --cases CASES.yaml [--fail-under PCT] [--format text|junit] [common options]

Runs route tests (*.routes-test.yaml: a request and the router, status or upstream path expected) and
reports router coverage.

options:
  --cases CASES.yaml      the route tests (required)
  --fail-under PCT        exit 1 when router coverage is under PCT percent
  --format text|junit     text (default); junit XML for CI test reports

${COMMON}
example:
  ingressroute-studio test apps.yaml --cases apps.routes-test.yaml --format junit > routes-junit.xml
`,
  rules: `usage: ingressroute-studio rules --jsonl

Reads one JSON object per line on standard input, {"rule", "syntax", "request": {"method", "url",
"headers", "clientIP"}}, and prints one JSON line per input line: whether Traefik's muxer matches it.

options:
  --jsonl                 the line protocol above (required)

example:
  echo '{"rule":"Host(\`a.com\`)","request":{"url":"http://a.com/"}}' | ingressroute-studio rules --jsonl
`,
  diff: `usage: ingressroute-studio diff --base FILE… --head FILE… [--format text|markdown|json] [common options]

What a change does to routing: routers added, removed and changed, problems new and fixed, and requests
replayed against both versions. Exit 1 when a request is routed differently or a new error appears.

options:
  --base FILE             the version before the change (repeat for several files)
  --head FILE             the version after the change (repeat for several files)
  --format text|markdown|json   markdown is ready for a pull-request comment

${COMMON}
example:
  ingressroute-studio diff --base old/apps.yaml --head apps.yaml --format markdown > routing-diff.md
`,
  convert: `usage: ingressroute-studio convert FILE… [-o OUT] [common options]

Rewrites every Kubernetes Ingress (kubernetesIngress and kubernetesIngressNGINX annotations) as IngressRoute
and Middleware documents, each with a comment naming the annotation it came from; other documents are kept.
Lists on standard error what cannot be converted, then replays witness requests against both versions.
Exit 1 when something could not be converted or a request is routed differently.

options:
  -o, --output OUT   write the converted YAML to OUT instead of standard output

${COMMON}
example:
  ingressroute-studio convert ingress.yaml -o ingressroutes.yaml
`,
};

/** The options each command accepts (`--name` as parseArgs spells them), for the help test and for errors. */
export const COMMAND_OPTIONS: Record<CommandName, readonly string[]> = {
  validate: ['format', 'static', 'traefik', 'strict'],
  export: ['format', 'force', 'output', 'static', 'traefik', 'strict'],
  simulate: ['url', 'method', 'header', 'client-ip', 'sni', 'no-sni', 'entrypoint', 'json', 'static', 'traefik', 'strict'],
  test: ['cases', 'fail-under', 'format', 'static', 'traefik', 'strict'],
  rules: ['jsonl'],
  diff: ['base', 'head', 'format', 'static', 'traefik', 'strict'],
  convert: ['output', 'static', 'traefik', 'strict'],
};

export function isCommand(name: string | undefined): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name ?? '');
}
