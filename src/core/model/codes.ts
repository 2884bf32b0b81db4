/**
 * The model family's fragment of the diagnostics catalog (merged by validate/codes.ts). Messages are
 * built in extract.ts; this table holds severity and summary.
 */
import type { CodeInfo } from '../types.ts';

export const MODEL_CODES = {
  MODEL_NOT_A_RESOURCE: {
    severity: 'warning',
    family: 'schema',
    summary: 'A document (or List item) that is not a Kubernetes object: no `apiVersion`/`kind`, or not a mapping.',
  },
  MODEL_UNKNOWN_KIND: {
    severity: 'info',
    family: 'schema',
    summary: 'A Kubernetes kind Traefik\'s CRD provider does not read (Deployment, Ingress…); it is left out of the analysis.',
  },
  MODEL_WRONG_API_VERSION: {
    severity: 'error',
    family: 'schema',
    summary: 'A Traefik or Kubernetes kind under an API group that does not serve it (e.g. `IngressRoute` in `networking.k8s.io/v1`).',
  },
  MODEL_MISSING_NAME: {
    severity: 'error',
    family: 'schema',
    summary: 'An object without a string `metadata.name`; it cannot be created or referenced.',
  },
  MODEL_DUPLICATE_RESOURCE: {
    severity: 'warning',
    family: 'reference',
    summary: 'Two objects with the same kind, namespace and name; the later one replaces the earlier when applied.',
  },
} as const satisfies Record<string, CodeInfo>;

export type ModelCode = keyof typeof MODEL_CODES;
