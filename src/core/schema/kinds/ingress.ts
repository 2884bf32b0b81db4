/**
 * networking.k8s.io/v1 Ingress and IngressClass, the kinds Traefik's kubernetesIngress and
 * kubernetesIngressNGINX providers read (k8s.io/api/networking/v1 types). Descriptions say what
 * Traefik makes of each field.
 */
import { type JsonSchema, int, list, obj, str, strList } from '../json-schema.ts';
import { resource } from './meta.ts';

function backend(what: string): JsonSchema {
  return obj(
    `${what}: a Service and port (Traefik does not support \`resource\` backends).`,
    {
      service: obj(
        'The Kubernetes Service receiving the requests.',
        {
          name: str('Name of the Service, in the Ingress namespace.'),
          port: obj(
            'The Service port: `number` or `name`. Traefik names the service `<namespace>-<service>-<port>`.',
            {
              number: int('Port number of the Service.', { minimum: 1, maximum: 65535 }),
              name: str('Port name of the Service.'),
            },
          ),
        },
        { required: ['name'] },
      ),
      resource: obj('A backend that is not a Service; Traefik skips it with an error.', {
        apiGroup: str('API group of the resource.'),
        kind: str('Kind of the resource.'),
        name: str('Name of the resource.'),
      }),
    },
  );
}

/**
 * The networking.k8s.io/v1 Ingress schema.
 *
 * @example
 * schemaFor('Ingress', 'v3').properties?.spec?.properties?.rules
 */
export function ingress(): JsonSchema {
  return resource(
    'Ingress',
    'A Kubernetes Ingress. Traefik reads it with its `kubernetesIngress` provider (class `traefik` or none; `traefik.ingress.kubernetes.io/*` annotations) or its `kubernetesIngressNGINX` provider (class `nginx`; `nginx.ingress.kubernetes.io/*` annotations).',
    {
      spec: obj('Routing rules, default backend and TLS certificates.', {
        ingressClassName: str('Name of the IngressClass; Traefik processes the Ingress only when it names an IngressClass of its controller (`traefik.io/ingress-controller`).'),
        defaultBackend: backend('Backend for requests no rule matches. Traefik makes it the router `default-router` (rule `PathPrefix("/")`, lowest priority) only for an Ingress without rules'),
        rules: list(
          obj('Requests for one host (or any host).', {
            host: str('Host the rule matches; `*.example.com` matches one label. Traefik writes `Host("…")`.'),
            http: obj('The paths of the host.', {
              paths: list(
                obj(
                  'One path: Traefik makes one router per path.',
                  {
                    path: str('Request path; must start with `/`.'),
                    pathType: str('How the path matches: `Exact` → `Path`, `Prefix` → `PathPrefix`, `ImplementationSpecific` → `PathPrefix` (or the `router.pathmatcher` annotation).', {
                      enum: ['Exact', 'Prefix', 'ImplementationSpecific'],
                    }),
                    backend: backend('Where the requests go'),
                  },
                  { required: ['backend'] },
                ),
                'The paths of this host.',
              ),
            }, { required: ['paths'] }),
          }),
          'Host and path rules.',
        ),
        tls: list(
          obj('Certificates for some hosts. For Traefik this only loads the certificate: a router uses TLS through the `router.tls` annotation or its entryPoint.', {
            hosts: strList('Hosts the certificate is for.', 'A host name.'),
            secretName: str('Secret (type kubernetes.io/tls) holding tls.crt and tls.key, in the Ingress namespace.'),
          }),
          'TLS certificates.',
        ),
      }),
      status: obj('Load balancer status written by the controller.', {}),
    },
  );
}

/**
 * The networking.k8s.io/v1 IngressClass schema.
 *
 * @example
 * schemaFor('IngressClass', 'v3').properties?.spec?.properties?.controller
 */
export function ingressClass(): JsonSchema {
  return resource(
    'IngressClass',
    'A class of Ingresses and the controller implementing it. Traefik’s Ingress provider processes Ingresses whose `ingressClassName` names a class of controller `traefik.io/ingress-controller`; its NGINX provider those of `k8s.io/ingress-nginx`.',
    {
      spec: obj('The controller of the class.', {
        controller: str('Controller implementing the class: `traefik.io/ingress-controller` for Traefik, `k8s.io/ingress-nginx` for Traefik’s NGINX provider.', {
          examples: ['traefik.io/ingress-controller', 'k8s.io/ingress-nginx'],
        }),
        parameters: obj('Controller-specific parameters (not read by Traefik).', {
          apiGroup: str('API group of the parameters.'),
          kind: str('Kind of the parameters.'),
          name: str('Name of the parameters.'),
          namespace: str('Namespace of the parameters.'),
          scope: str('Cluster or Namespace.'),
        }),
      }),
    },
  );
}
