import { readFileSync } from 'node:fs';
import { test, expect, savedWorkspace, showView } from './fixtures.ts';

const ROUTE = `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: front
  namespace: apps
spec:
  entryPoints: [websecure]
  routes:
    - kind: Rule
      match: Host(\`front.example.com\`)
      middlewares:
        - name: compress-it
      services:
        - name: front
          port: 80
`;
const MIDDLEWARE = `apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: compress-it
  namespace: apps
spec:
  compress: {}
`;

const KUBECTL_LIST = `apiVersion: v1
kind: List
items:
  - apiVersion: traefik.io/v1alpha1
    kind: Middleware
    metadata:
      name: strip
      namespace: apps
      uid: 0b5a7d2e-1111-2222-3333-444455556666
      resourceVersion: "123456"
      creationTimestamp: "2026-01-01T00:00:00Z"
      generation: 2
      managedFields:
        - manager: kubectl
          operation: Update
      annotations:
        kubectl.kubernetes.io/last-applied-configuration: |
          {"apiVersion":"traefik.io/v1alpha1"}
    spec:
      stripPrefix:
        prefixes: [/api]
    status: {}
metadata:
  resourceVersion: ""
`;

test.describe('files in and out', () => {
  test('two files opened together resolve a cross-file reference', async ({ page, openExample }) => {
    await openExample();
    await page.getByTestId('open-files').setInputFiles([
      { name: 'route.yaml', mimeType: 'text/yaml', buffer: Buffer.from(ROUTE) },
      { name: 'middleware.yaml', mimeType: 'text/yaml', buffer: Buffer.from(MIDDLEWARE) },
    ]);
    const tabs = page.getByRole('tablist', { name: 'Files' });
    await expect(tabs.getByRole('tab', { name: /route\.yaml/ })).toBeVisible();
    await expect(tabs.getByRole('tab', { name: /middleware\.yaml/ })).toBeVisible();
    // The reference to the Middleware of the other file resolves: no missing-middleware problem.
    await showView(page, 'Routers');
    await expect(page.getByRole('region', { name: 'Routers' })).toContainText('apps-compress-it@kubernetescrd');
    await showView(page, 'Problems');
    await expect(page.getByRole('region', { name: 'Problems' })).not.toContainText('compress-it');
  });

  test('a dropped kubectl List opens and its server fields can be stripped', async ({ page, openExample, editor }) => {
    await openExample();
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'cluster.yaml', { type: 'text/yaml' }));
      return dt;
    }, KUBECTL_LIST);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer });
    await page.dispatchEvent('body', 'drop', { dataTransfer });
    await expect(page.getByRole('tab', { name: /cluster\.yaml/ })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Resources' })).toContainText('apps/strip');
    await expect(editor.line('managedFields')).toBeVisible();
    await page.getByRole('button', { name: 'Strip server fields' }).click();
    // The strip loads its YAML editing code on first use: the text changes a moment after the click.
    await expect.poll(() => editor.visibleText()).not.toContain('managedFields');
    await expect(editor.line('stripPrefix')).toBeVisible();
    const text = await editor.visibleText();
    for (const field of ['managedFields', 'resourceVersion: "123456"', 'uid:', 'creationTimestamp', 'last-applied-configuration', 'status:']) {
      expect(text).not.toContain(field);
    }
    expect(text).toContain('prefixes: [/api]');
  });

  test('export with an error asks before exporting', async ({ page, openExample, editor }) => {
    await openExample();
    await editor.cursorAtEndOf('- name: strip-api');
    await page.keyboard.type('-missing');
    await expect(page.getByTestId('count-errors')).not.toHaveText('0 errors');
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog.getByRole('alert')).toContainText('error');
    await expect(dialog.getByRole('button', { name: 'Download all as one file' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Export anyway' }).click();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download all as one file' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('ingressroutes.yaml');
    // The file is the workspace as edited, byte for byte: the example with the typed reference.
    const example = readFileSync(new URL('../public/examples/default.yaml', import.meta.url), 'utf8');
    const exported = readFileSync((await file.path())!, 'utf8');
    expect(exported).toBe(example.replace('- name: strip-api\n', '- name: strip-api-missing\n').replace(/\s*$/, '\n'));
  });

  test('a share link opened in a new page restores the workspace', async ({ page, context, openExample, editor }) => {
    await openExample();
    await editor.cursorAtEndOf('name: shop-web');
    await page.keyboard.type('-shared');
    await expect(page.getByRole('navigation', { name: 'Resources' })).toContainText('shop-web-shared');
    await page.getByRole('button', { name: 'Share…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share link' });
    // The example holds a Secret: the dialog warns and offers to redact first.
    await expect(dialog.getByRole('alert')).toContainText('Secret data');
    await dialog.getByRole('button', { name: /Redact/ }).click();
    const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link).toContain('#share=');
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByRole('navigation', { name: 'Resources' })).toContainText('shop-web-shared');
    // The Secret's htpasswd line travelled redacted.
    await expect
      .poll(() => savedWorkspace(other))
      .toContain('users: REDACTED');
    expect(await savedWorkspace(other)).not.toContain('$apr1$');
  });

  test('a reload restores unsaved work', async ({ page, openExample, editor }) => {
    await openExample();
    await page.getByRole('navigation', { name: 'Resources' }).getByRole('button', { name: /platform\/status/ }).click();
    await editor.cursorAtEndOf(/name:\s+status$/);
    await page.keyboard.type('-page');
    await expect(page.getByRole('navigation', { name: 'Resources' })).toContainText('platform/status-page');
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Resources' })).toContainText('platform/status-page');
  });
});
