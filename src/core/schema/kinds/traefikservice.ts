/**
 * TraefikService. Mirrors traefikio/v1alpha1/service.go: one of weighted, mirroring, highestRandomWeight,
 * failover (`buildTraefikService` fails with "unspecified service type" without one, and builds the first set,
 * in that order, when there are several: provider/traefik-services.ts says so, knowing the version).
 */
import type { TraefikTarget } from '../../types.ts';
import { type JsonSchema, bool, int, list, obj, since } from '../json-schema.ts';
import { loadBalancerProps, serviceRef, sticky } from './load-balancer.ts';
import { resource } from './meta.ts';
import { statusList } from './middleware-traffic.ts';

function children(target: TraefikTarget, how: string): JsonSchema {
  return list(serviceRef(target, 'A Kubernetes Service or another TraefikService, with its weight.'), how);
}

/**
 * The TraefikService schema for one target.
 *
 * @example
 * schemaFor('TraefikService', 'v3').properties?.spec?.['x-exactlyOne']?.code // 'SCHEMA_SERVICE_TYPES'
 */
export function traefikService(target: TraefikTarget): JsonSchema {
  const s = resource(
    'TraefikService',
    'A Traefik service built from other services: weighted, mirrored, highest random weight or failover.',
    {
      spec: obj(
        'The kind of service and its children. Set one of `weighted`, `mirroring`, `highestRandomWeight`, `failover`: with several, Traefik builds the first of them in that order and ignores the others.',
        {
          weighted: obj('Spreads the requests over the children in proportion to their `weight` (weighted round robin).', {
            services: children(target, 'The children and their weights.'),
            sticky: sticky(),
          }),
          mirroring: obj(
            'Sends each request to a main service and copies a share of the requests to mirrors (whose answers are dropped).',
            {
              ...loadBalancerProps(target),
              mirrorBody: since('3.2', bool('Copy the request body to the mirrors too.', true)),
              maxBodySize: int('Largest body, in bytes, copied to the mirrors; bigger requests are not mirrored. -1 means no limit.', { default: -1 }),
              mirrors: list(
                serviceRef(target, 'A mirror and the share of requests it receives.', {
                  percent: int('Percentage of the requests copied to this mirror.', {
                    minimum: 0,
                    maximum: 100,
                    'x-rangeHint': 'it is a percentage',
                  }),
                }),
                'Services that receive copies of the requests.',
              ),
            },
            { required: ['name'] },
          ),
          highestRandomWeight: since(
            '3.6',
            obj('Sends each client (by IP) consistently to the same child, chosen by highest random weight.', {
              services: children(target, 'The children and their weights.'),
            }),
          ),
          failover: since(
            '3.7',
            obj(
              'Sends the requests to `service`, and to `fallback` when the main one is down or answers with one of the `errors` statuses.',
              {
                service: serviceRef(target, 'The main service.'),
                fallback: serviceRef(target, 'The service used when the main one fails.'),
                errors: obj('Which failures of the main service switch to the fallback.', {
                  status: statusList('Statuses (or ranges) of the main service that trigger the fallback.'),
                  maxRequestBodyBytes: int('Largest request body, in bytes, kept to replay on the fallback; -1 means no limit.', { default: -1 }),
                }),
              },
              { required: ['service', 'fallback', 'errors'] },
            ),
          ),
        },
        {
          'x-exactlyOne': {
            code: 'SCHEMA_SERVICE_TYPES',
            noun: 'TraefikService',
            example: 'weighted: { services: [{ name: app, port: 80, weight: 1 }] }',
            firstWins: true,
          },
        },
      ),
    },
    { required: ['spec'] },
  );
  s.defaultSnippets = [
    {
      label: 'TraefikService (weighted)',
      description: 'A canary split between two Services',
      body: {
        apiVersion: 'traefik.io/v1alpha1',
        kind: 'TraefikService',
        metadata: { name: '${1:app-canary}', namespace: '${2:default}' },
        spec: {
          weighted: {
            services: [
              { name: '${3:app-v1}', port: '^80', weight: '^9' },
              { name: '${4:app-v2}', port: '^80', weight: '^1' },
            ],
          },
        },
      },
    },
  ];
  return s;
}
