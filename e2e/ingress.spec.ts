import { test, expect, showView } from './fixtures.ts';

test.describe('Kubernetes Ingress (ingress-nginx example)', () => {
  test('the graph shows the NGINX provider’s routers, marked, with their middlewares', async ({ page, openExample }) => {
    await openExample('ingress-nginx');
    const graph = page.getByRole('figure', { name: 'Routing graph' });
    // React Flow renders only the nodes in view: Fit view brings all of them on screen to be counted.
    await graph.getByRole('button', { name: 'Fit view' }).click();
    // Per path a plain and a -tls router; the API has canary and non-canary routers too: 10 in all, and the
    // class-less Ingress's router from the kubernetesIngress provider.
    await expect(graph.getByTestId('graph-node-router')).toHaveCount(11);
    const api = graph.getByRole('group', { name: 'route shop-shop-api-rule-0-path-0', exact: true });
    await expect(graph.getByTestId('graph-node-router').filter({ hasText: 'Ingress NGINX' })).toHaveCount(10);
    await expect(graph.getByRole('group', { name: 'route shop-status-status-shop-example-com', exact: true })).toContainText('Ingress');
    await expect(api).toContainText('PathRegexp');
    await expect(graph.getByTestId('graph-node-middleware').filter({ hasText: 'rewrite-target' }).first()).toBeVisible();
    await expect(graph.getByTestId('graph-node-middleware').filter({ hasText: 'basic-auth' }).first()).toBeVisible();
  });

  test('a request through rewrite-target shows the rewritten upstream path', async ({ page, openExample }) => {
    await openExample('ingress-nginx');
    await showView(page, 'Simulator');
    await page.getByRole('textbox', { name: 'URL' }).fill('https://shop.example.com/api/orders/7?page=2');
    const verdict = page.getByRole('region', { name: 'Verdict' });
    await expect(verdict.getByTestId('verdict-headline')).toContainText('shop-shop-api-rule-0-path-0-tls@kubernetesingressnginx');
    await expect(verdict.getByTestId('upstream-url')).toContainText('10.1.0.20:8080/orders/7?page=2');
    await expect(verdict.getByTestId('upstream-url')).not.toContainText('/api/');
  });

  test('"Convert to IngressRoute" writes IngressRoutes without errors and Compare proves the routing', async ({ page, openExample, editor, outline }) => {
    await openExample('ingress-nginx');
    await page.getByRole('button', { name: 'Convert to IngressRoute' }).click();
    await expect(editor.line('kind: Middleware')).toBeVisible();
    await expect(outline.root).toContainText('shop-api-tls');
    await expect(page.getByRole('figure', { name: 'Routing graph' }).getByTestId('graph-node-router').filter({ hasText: 'Ingress' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Convert to IngressRoute' })).toHaveCount(0);
    await showView(page, 'Compare');
    const compare = page.getByRole('region', { name: 'Compare versions' });
    await expect(compare.getByTestId('diff-summary')).toBeVisible();
    // No request goes to another router or Service; the listed 308 → 301 of ssl-redirect is the only change.
    await expect(compare.getByTestId('changed-winner')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Not converted' })).toContainText('answers 308');
    await expect(compare.locator('table.routing-diff tbody tr').filter({ hasNotText: 'status: 308 → 301' })).toHaveCount(0);
    await expect(editor.markers('error')).toHaveCount(0);
  });
});

test.describe('Kubernetes Ingress provider settings', () => {
  test('the kubernetesIngress provider’s crossProviderNamespaces, set in Settings, skips an Ingress that names a middleware', async ({ page, openExample, problems }) => {
    await openExample();
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: apps
  annotations:
    traefik.ingress.kubernetes.io/router.middlewares: apps-compress@kubernetescrd
spec:
  rules:
    - host: web.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`;
    await page.getByTestId('open-files').setInputFiles([{ name: 'ingress.yaml', mimeType: 'text/yaml', buffer: Buffer.from(ingress) }]);
    await showView(page, 'Routers');
    await expect(page.getByRole('region', { name: 'Routers' })).toContainText('apps-web-web-example-com@kubernetes');
    await page.getByRole('button', { name: 'Settings…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: /kubernetesIngress crossProviderNamespaces/ }).check();
    await dialog.getByRole('textbox', { name: 'kubernetesIngress crossProviderNamespaces' }).fill('infra');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await showView(page, 'Problems');
    await expect(problems.item('INGRESS_CROSS_PROVIDER')).toContainText('crossProviderNamespaces');
    await showView(page, 'Routers');
    await expect(page.getByRole('region', { name: 'Routers' })).not.toContainText('apps-web-web-example-com@kubernetes');
  });
});
