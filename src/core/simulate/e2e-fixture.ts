// No Traefik counterpart: a realistic workspace (IngressRoutes, Middlewares, TraefikService, TLSOption, TLSStore,
// Services, EndpointSlices, Secrets) used by the end-to-end tests and as an example for the simulator.

/** Password of alice in the `apps/admins` Secret (apr1 hash) and of bob (`{SHA}` of "test"). */
export const ALICE_PASSWORD = 's3cret';

/**
 * The shop workspace: shop.example.com (API with strip + auth, web with sticky sessions, a 90/10 canary),
 * admin.example.com behind an IP allow list and a strict TLS option, and the web → websecure redirect in settings.
 *
 * @example
 * analyze([{ name: 'shop.yaml', text: SHOP_YAML }], settings)
 */
export const SHOP_YAML = `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: shop
  namespace: apps
spec:
  entryPoints: [websecure]
  routes:
    - kind: Rule
      match: Host(\`shop.example.com\`) && PathPrefix(\`/api\`)
      middlewares:
        - name: strip-api
        - name: admins-only
      services:
        - name: shop-api
          port: 8080
    - kind: Rule
      match: Host(\`shop.example.com\`)
      services:
        - name: shop-canary
          kind: TraefikService
  tls:
    secretName: shop-tls
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: admin
  namespace: apps
spec:
  entryPoints: [websecure]
  routes:
    - kind: Rule
      match: Host(\`admin.example.com\`)
      middlewares:
        - name: office-only
        - name: security-headers
      services:
        - name: shop-api
          port: api
  tls:
    options:
      name: strict
---
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata: { name: strip-api, namespace: apps }
spec:
  stripPrefix:
    prefixes: [/api]
---
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata: { name: admins-only, namespace: apps }
spec:
  basicAuth:
    secret: admins
    removeHeader: true
---
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata: { name: office-only, namespace: apps }
spec:
  ipAllowList:
    sourceRange: [10.20.0.0/16]
---
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata: { name: security-headers, namespace: apps }
spec:
  headers:
    frameDeny: true
    stsSeconds: 63072000
    customRequestHeaders:
      X-Admin: "1"
---
apiVersion: traefik.io/v1alpha1
kind: TraefikService
metadata: { name: shop-canary, namespace: apps }
spec:
  weighted:
    services:
      - name: shop-web
        port: 80
        weight: 9
      - name: shop-web-next
        port: 80
        weight: 1
    sticky:
      cookie:
        name: shop_version
---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: { name: strict, namespace: apps }
spec:
  minVersion: VersionTLS13
  sniStrict: true
---
apiVersion: v1
kind: Secret
metadata: { name: admins, namespace: apps }
data:
  users: YWxpY2U6JGFwcjEkWng5eVEyYWIkQnF6eUpKV25DUW81d2VZY3hkMG1WLwpib2I6e1NIQX1xVXFQNWN5eG02WWNUQWh6MDVIcGg1Z3Z1OU09Cg==
---
apiVersion: v1
kind: Secret
metadata: { name: shop-tls, namespace: apps }
type: kubernetes.io/tls
data:
  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURURENDQWpTZ0F3SUJBZ0lVTjZnQllIRnJyOFhUUnlEbmNlbW5HUC81TGdBd0RRWUpLb1pJaHZjTkFRRUwKQlFBd0d6RVpNQmNHQTFVRUF3d1FjMmh2Y0M1bGVHRnRjR3hsTG1OdmJUQWVGdzB5TmpFeE1qSXhOVEEwTXpoYQpGdzB6TmpFeE1Ua3hOVEEwTXpoYU1Cc3hHVEFYQmdOVkJBTU1FSE5vYjNBdVpYaGhiWEJzWlM1amIyMHdnZ0VpCk1BMEdDU3FHU0liM0RRRUJBUVVBQTRJQkR3QXdnZ0VLQW9JQkFRREdHbFgrR3R5eDBVSERxZThSQU94RTFtYjgKRmFCUTJubjRFaTVPMGg2NkNXb1RFS0xCVjkxOWJQSXVFT1lVaWVlNUlSK215cUYrZFVxZTR3TkVhNDR3QURZdQo0ME1ncWxCZ1l3aFBFY0o0S1h3Y1RhZnk1dkN6bFFJWUtNcUV5RUZUQUVmaFlKazc2SWVyR0hKQ0JIcGJDRk9iCmkzdFIraEVYd1BpOVFDNm1Iam9qeE1FUkhxaVoyUDdrOC9yWnhhY1lLd1lZN1IrdFpCWnd3Y0JPN3U0WkpWSU8KYkVDTUZkSnRndzVIL3ZQOVJueFZuSDFPOFNSZUtlVzlkb2YrK3NMOVk3UzBXQWhTRmhqSjc5ZnB4T3NTYUpPNwpOcmczWGxPVW9pSkNRNGVuUkZWQnlRUUJpNEFtNE9kcldBRHJmMzhjZTVZSlNFZkZWNHBIUnJUOTBKeFBBZ01CCkFBR2pnWWN3Z1lRd0hRWURWUjBPQkJZRUZEOUtQWkpYeTEyRktLMitnajZpc3RhdFNaVjBNQjhHQTFVZEl3UVkKTUJhQUZEOUtQWkpYeTEyRktLMitnajZpc3RhdFNaVjBNQThHQTFVZEV3RUIvd1FGTUFNQkFmOHdNUVlEVlIwUgpCQ293S0lJUWMyaHZjQzVsZUdGdGNHeGxMbU52YllJVWQzZDNMbk5vYjNBdVpYaGhiWEJzWlM1amIyMHdEUVlKCktvWklodmNOQVFFTEJRQURnZ0VCQUhQQzF0VTBBV0dtRlVUNVpla3g1MXBpY0k5QkoyQVFHR0pZck5GNHJZcnoKQTRYczdwZzlza3BZanArMFRVZVlKcGdKNHRlUk1kd2dObkhmd2JEaUUwempTaEFIRlIybU9XUnhjNEl4bS92SwpUUUFnL1F0VEFHbjBXeWRZWlhaUUFreWRSNytqZ2cva2hwQ3ZLbitKekN4a21YOXE3cVJQNHhHOFJCVWp6V1BkCmhURU1BZllxd2pXRnU5NU13cG95cmlxaUtGaGZtdE9MMUFWOGZrNVo0Z1QvN3JCT2dFTll1eEZxMFp2UlkwOUEKUm9VQmtGNGdkcUJMdGV4OVViNHBHWk5HbFk5YjJzUExhUERRTXdYTzJ1TmNNS1FiMUJ5YnNYRDNOeDJUVjA3WQpIMGhPdksyS0ZmTDBSSzBuVHZnWUsyeUtuUmJDaDQ5MS9RM0NtZXljalE4PQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==
  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV1Z0lCQURBTkJna3Foa2lHOXcwQkFRRUZBQVNDQktRd2dnU2dBZ0VBQW9JQkFRREdHbFgrR3R5eDBVSEQKcWU4UkFPeEUxbWI4RmFCUTJubjRFaTVPMGg2NkNXb1RFS0xCVjkxOWJQSXVFT1lVaWVlNUlSK215cUYrZFVxZQo0d05FYTQ0d0FEWXU0ME1ncWxCZ1l3aFBFY0o0S1h3Y1RhZnk1dkN6bFFJWUtNcUV5RUZUQUVmaFlKazc2SWVyCkdISkNCSHBiQ0ZPYmkzdFIraEVYd1BpOVFDNm1Iam9qeE1FUkhxaVoyUDdrOC9yWnhhY1lLd1lZN1IrdFpCWncKd2NCTzd1NFpKVklPYkVDTUZkSnRndzVIL3ZQOVJueFZuSDFPOFNSZUtlVzlkb2YrK3NMOVk3UzBXQWhTRmhqSgo3OWZweE9zU2FKTzdOcmczWGxPVW9pSkNRNGVuUkZWQnlRUUJpNEFtNE9kcldBRHJmMzhjZTVZSlNFZkZWNHBIClJyVDkwSnhQQWdNQkFBRUNnZjhSUHN2MGQ0YSt6M2lnL1pmU0xFSmxLV21FaUYxc1kwOWZiYU4xeTJjcWdhZE0KazkwRTk4VytBT0tCKzRqblpXTVAzMEFHc3NHbFpTTFFzaGNFY0E5ZVo0Rzl0OEhYRmlFTnNMWGo0eFdkRnlQLwo1UXZlWW9WdEhMQTJqc1EzRkJNdUFmelNOQ2pab0lrS1cvSGZoRHNpalFTNlBJN0kzVVV4OEw4a1RMc3dsaVZCCkNMR2ErL0hlRjJ5b01CWDA3c3J6L1V0WDh5Ujg5VWhDaUE3YkhIMGl5WS91YWxCR2d2RENTclpCZStMdXhmdTkKbithbHhEdGsrMGlmNWZERVdmSktSMW5hZ3ZDRGRzc3FyeEVMV2NiWVc5MVpGVzRrcmZBWVNHL2lpYjFtWXc5NgpCTXdQaFZoYXN0bVZsdmJOb3lETlJKRXVlMXJQNzM5ZWpWdUcxR0VDZ1lFQTV0c1dHMUVHOGVlU3ZjSVhrSWVzCnNDdmw4L012TVZZQkJobGhhNUtKQUY1Uk81YkFVY2VpaVNBTHVtS3l2cWlUWTlCVjZNaFU2VVU1blpQM3RXUVUKRlF1NUF6cXV2OFN0QXpFVVNFUFFWOTdSUEdja0wxMXJNTlg1S2hRV0JDTnptd0xpaEdrYnZnMytzaXdoNklkQgo0SWN5Y0gzYTl4bStVZmFZL1hSMXozMENnWUVBMjY0QlRGckVRK01XbDdlNW9IUllqelZWNjl4ZnUxekxjZkI5CmYrQXlZUXRaTWxDTGxNZ1oxUGNhOGJVWlYrM3d4eURBMlpyWERQQzkwMEFGZGFGbERGR0t0b1VXVThDUjNSN2MKS2I2eldTZ3dBaFNxYWxpd2tBRUw0bzlJekc2cW5rWXlINEVYWjZJNkhrM2FkbGJFK0xnZktqcDBTRjVxL3FpNQpEejcvL0xzQ2dZQTVZcTZOSGNndks5UmpUVE1VWDFXQytYYVEvSnQzbFJ4dUNyTVh6WFkyM0Rzdko5c291UXBqCk1jOFlodDVOM0pPKzFSUDE2STZLNmdWWGNXZTY5R1Mxa3BOc0JSTlpZaWRyeXJCekFrQnhCMWRWdjRIVU1GR3IKOHhTYjdDQkk2Uk1jcmt2bWhFWThLVGh0eStDbDc3RmxnZFg4OXB3T25weWJ2VVBzaFIyZjlRS0JnQTdrbGd2eQpIMW9tM0JJL0QyT1VYNmlkeWd4cWJVY0xmSE5tQld3VTYvVnVTb2JCdFNUS0NBNUxEbFdTbkh3OGtsVTlvRFZnCmJQSGdwRTNkQ2tHMlJsNTJiTHdBKzhtRHhaL0RCdFFCckxEL3EzbUlveUVBa0QvREFtWkNwb0hOZ3QybURxSGEKSTVjUUJYYW1lb2dKUytNOHdFZ2huRjZIb0NOUmx2STBxREFmQW9HQVZwdDB5bGhOOHYzN3BydVZZRlV3VFNlNQpEeUhLTXlZa1VsNXVzNDliQVNGS2d4VlJFTkVQUTliVmdmTlZmRHQyY016MjJFMXJsbW1NYWhPZHVrSU9OVWw4ClZoMFdPYWFnb3ZhbTBCeEx0M2NGWlpkTWxTc2xBcFMrQXNxeUw5QzRhQ0xpMGdxSnBKN1FtOUp2QzZ2TVcrdm4KVUV1WHpydzdxUnpLWENsMmFPST0KLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQo=
---
apiVersion: v1
kind: Service
metadata: { name: shop-api, namespace: apps }
spec:
  ports:
    - { name: api, port: 8080, targetPort: 8080 }
---
apiVersion: v1
kind: Service
metadata: { name: shop-web, namespace: apps }
spec:
  ports:
    - { name: http, port: 80, targetPort: 3000 }
---
apiVersion: v1
kind: Service
metadata: { name: shop-web-next, namespace: apps }
spec:
  ports:
    - { name: http, port: 80, targetPort: 3000 }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: shop-api-abc
  namespace: apps
  labels: { kubernetes.io/service-name: shop-api }
addressType: IPv4
ports:
  - { name: api, port: 8080 }
endpoints:
  - addresses: [10.1.0.7]
  - addresses: [10.1.0.8]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: shop-web-abc
  namespace: apps
  labels: { kubernetes.io/service-name: shop-web }
addressType: IPv4
ports:
  - { name: http, port: 3000 }
endpoints:
  - addresses: [10.2.0.5]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: shop-web-next-abc
  namespace: apps
  labels: { kubernetes.io/service-name: shop-web-next }
addressType: IPv4
ports:
  - { name: http, port: 3000 }
endpoints:
  - addresses: [10.3.0.5]
`;
