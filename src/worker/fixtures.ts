/** Test data shared by the worker's tests. */

/** An IngressRoute `name` in namespace apps; by default one route for host `<name>.example.com` to Service `<name>`:80. */
export function ingressRoute(name: string, route = `- match: Host(\`${name}.example.com\`)\n      services:\n        - name: ${name}\n          port: 80`): string {
  return `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: ${name}
  namespace: apps
spec:
  routes:
    ${route}
`;
}
