import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { firstLoadJs } from './bench-page.ts';

test.describe('foundation', () => {
  test('the built-in example loads with its resources and no errors', async ({ page, openExample, editor, outline }) => {
    await openExample();
    await expect(editor.line('kind: IngressRoute')).toBeVisible();
    await expect(outline.item('shop/shop-web')).toContainText('2 routes');
    await expect(outline.item('platform/status')).toBeVisible();
    await expect(page.getByTestId('count-errors')).toHaveText('0 errors');
  });

  test('a first load fetches under 400 kB of gzipped JS besides the editor and the worker, and no YAML parser on the page', async ({ page }) => {
    // Sizes do not depend on the machine: this is the first-load budget of issue 19 (npm run bench reports it too).
    // The page parses nothing itself: the analysis parses in the worker, and the form's and graph's edit planners
    // (planEdit, js-yaml) load on first use.
    const files = await firstLoadJs(page);
    const pageJs = files.filter((f) => !f.editor && !f.worker);
    expect(pageJs.length).toBeGreaterThan(1);
    const gzip = pageJs.reduce((s, f) => s + f.gzip, 0);
    expect(gzip, JSON.stringify(pageJs)).toBeLessThan(400_000);
    expect(pageJs.filter((f) => f.jsYaml).map((f) => f.file)).toEqual([]);
    // The worker does parse: the check above would pass vacuously if the marker were never found.
    expect(files.some((f) => f.worker && f.jsYaml)).toBe(true);
  });

  test('an unknown field under spec shows a marker and a problem', async ({ page, openExample, editor, problems }) => {
    await openExample();
    // Misspell `entryPoints` of the first IngressRoute: an unknown field under spec.
    await editor.line('entryPoints:').getByText('entryPoints').dblclick();
    await page.keyboard.type('entrypoints');
    await expect(problems.item(/entrypoints/)).toBeVisible();
    await expect(problems.item(/entrypoints/)).toContainText('SCHEMA_UNKNOWN_FIELD');
    await expect(editor.markers('error').first()).toBeVisible();
    // The marker underlines the misspelt key itself: same line, same horizontal extent as the word.
    const word = (await editor.line('entrypoints:').getByText('entrypoints', { exact: true }).boundingBox())!;
    const boxes = await editor.markers('error').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
    const onWord = boxes.filter((b) => Math.abs(b.x - word.x) < 2 && Math.abs(b.x + b.width - (word.x + word.width)) < 2 && b.y >= word.y - 2 && b.y + b.height <= word.y + word.height + 4);
    expect(onWord, JSON.stringify({ word, boxes })).toHaveLength(1);
  });

  test('typing above a problem never shows it at a wrong line or column, even before the analysis catches up', async ({ page, openExample, editor, problems }) => {
    await openExample();
    await editor.line('entryPoints:').getByText('entryPoints').dblclick();
    await page.keyboard.type('entrypoints');
    const row = problems.item(/entrypoints/);
    await expect(row).toBeVisible();
    const position = (await row.locator('.problem-pos').textContent())!;
    expect(position).toMatch(/:\d+:3$/);
    // Every position the list shows for that problem from now on.
    await page.evaluate(() => {
      const w = window as unknown as { __positions: Set<string> };
      w.__positions = new Set();
      const list = document.querySelector('.problems-list')!;
      const record = () => list.querySelectorAll('li').forEach((li) => {
        if (li.textContent?.includes('entrypoints')) w.__positions.add(li.querySelector('.problem-pos')?.textContent ?? '');
      });
      new MutationObserver(record).observe(list, { subtree: true, childList: true, characterData: true });
    });
    // A character in the comment on line 1 moves every offset below it by one, and no line or column.
    await editor.cursorAtEndOf('# IngressRoute Studio example');
    await page.keyboard.type('!');
    await expect(page.locator('footer.statusbar')).toContainText('analysed in');
    await expect(row.locator('.problem-pos')).toHaveText(position);
    const seen = await page.evaluate(() => [...(window as unknown as { __positions: Set<string> }).__positions]);
    expect(seen.filter((p) => p !== position)).toEqual([]);
  });

  test('completion inside routes[0] offers match', async ({ page, openExample, editor }) => {
    await openExample();
    // A new first route: `- ` right under `routes:`, then ask for completion inside routes[0].
    await editor.cursorAtEndOf('routes:');
    // Monaco indents the new line under `routes:`; the space after `-` must survive (React Flow's
    // global Space handler once swallowed it).
    await page.keyboard.press('Enter');
    await page.keyboard.type('- ma');
    await expect(editor.line('- ma')).toBeVisible();
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.suggest-widget');
    await expect(suggest).toBeVisible();
    await expect(suggest.getByText('match', { exact: true })).toBeVisible();
  });

  test('clicking a resource in the outline selects its range in the editor', async ({ openExample, editor, outline }) => {
    await openExample();
    await outline.item('shop/shop-admin').click();
    // Exactly that IngressRoute's document, from apiVersion to its last value (the example file's text).
    const example = readFileSync(new URL('../public/examples/default.yaml', import.meta.url), 'utf8');
    const doc = example.split('\n---\n').find((d) => d.includes('  name: shop-admin\n'))!;
    expect(await editor.selection()).toBe(doc.trimEnd());
    await expect(editor.line('name: shop-admin')).toBeVisible();
  });

  test('clicking a problem jumps to its range', async ({ page, openExample, editor, problems }) => {
    await openExample();
    await editor.cursorAtEndOf('- name: security-headers');
    await page.keyboard.type('x');
    await expect(problems.root.getByRole('listitem').first()).toBeVisible();
    const problem = problems.root.getByRole('listitem').filter({ hasText: 'security-headersx' }).first();
    await expect(problem).toBeVisible();
    await problem.click();
    // The range of the problem: the misspelt middleware name, nothing around it.
    expect(await editor.selection()).toBe('security-headersx');
  });

  test('a reload keeps an edit', async ({ page, openExample, editor }) => {
    await openExample();
    await editor.cursorAtEndOf('name: shop-web');
    await page.keyboard.type('-renamed');
    await expect(page.getByRole('navigation', { name: 'Resources' })).toContainText('shop-web-renamed');
    await page.goto('/');
    await expect(editor.line('name: shop-web-renamed')).toBeVisible();
  });
});
