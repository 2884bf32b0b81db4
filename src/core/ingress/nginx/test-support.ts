// Shared by the NGINX provider's table tests: Traefik's fixture Service (services.yml: ports web and web2,
// with its EndpointSlice) and the provider run on entryPoints http and https, as TestLoadIngresses sets it.
import { defaultSettings } from '../../provider/settings.ts';
import type { IngressNginxProviderSettings, Settings } from '../../types.ts';
import { fixtureResources } from '../test-support.ts';
import { buildNginxConfig } from './index.ts';

/** A `---`-led Service `name` in namespace default with ports web (80) and web2 (8000), and its endpoints. */
export const fixtureService = (name: string, ip: string, addresses: string[]): string => `---
kind: Service
apiVersion: v1
metadata: { name: ${name}, namespace: default }
spec:
  clusterIP: ${ip}
  ports:
    - { name: web2, port: 8000, targetPort: web2 }
    - { name: web, port: 80, targetPort: web }
---
kind: EndpointSlice
apiVersion: discovery.k8s.io/v1
metadata: { name: ${name}, namespace: default, labels: { kubernetes.io/service-name: ${name} } }
addressType: IPv4
ports: [{ name: web, port: 80 }, { name: web2, port: 8000 }]
endpoints: [{ addresses: [${addresses.join(', ')}], conditions: { ready: true } }]
`;

/** The NGINX provider over `yaml`, on entryPoints http and https. */
export function runNginx(yaml: string, options: Partial<IngressNginxProviderSettings> = {}) {
  const settings: Settings = { ...defaultSettings(), entryPoints: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }], providers: { kubernetesIngressNGINX: { httpEntryPoint: 'http', httpsEntryPoint: 'https', ...options } } };
  return buildNginxConfig(fixtureResources(yaml), settings);
}
