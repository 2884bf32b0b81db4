import type { CodeInfo } from '../types.ts';

/** What Traefik would silently do that the author probably did not mean. */
export const RUNTIME_CODES = {
  RUNTIME_UNKNOWN_ENTRYPOINT: { severity: 'error', family: 'runtime', summary: 'The entryPoint is not defined in the static configuration.' },
  RUNTIME_PRIORITY_TIE: { severity: 'warning', family: 'runtime', summary: 'Two routers with the same priority can match the same request: Traefik picks one at random.' },
  RUNTIME_TLS_OPTION_NO_HOST: { severity: 'warning', family: 'runtime', summary: 'A TLS option on a rule without Host is not applied.' },
  RUNTIME_TLS_ON_PLAIN_ENTRYPOINT: { severity: 'warning', family: 'runtime', summary: 'A TLS route on an entryPoint that looks like plain HTTP.' },
  RUNTIME_CHAIN_CYCLE: { severity: 'error', family: 'reference', summary: 'Middleware chains reference each other in a cycle.' },
  RUNTIME_SERVICE_CYCLE: { severity: 'error', family: 'reference', summary: 'TraefikServices reference each other in a cycle.' },
} as const satisfies Record<string, CodeInfo>;

export type RuntimeCode = keyof typeof RUNTIME_CODES;
