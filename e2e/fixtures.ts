/** Page objects for the Playwright specs: the editor (Monaco), outline, problems, graph, simulator. */
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export class EditorPane {
  readonly root: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByTestId('yaml-editor');
  }
  async ready(): Promise<void> {
    await expect(this.root.locator('.view-lines')).toBeVisible();
  }
  line(text: string | RegExp): Locator {
    return this.root.locator('.view-line', { hasText: text }).first();
  }
  /** Puts the cursor at the end of the first visible line containing `text`. */
  async cursorAtEndOf(text: string | RegExp): Promise<void> {
    await this.line(text).click();
    await this.page.keyboard.press('End');
  }
  /** The text Monaco shows (visible lines only), with non-breaking spaces normalised. */
  async visibleText(): Promise<string> {
    // Monaco reuses line elements out of order: sort them by their vertical position.
    const lines = await this.root
      .locator('.view-line')
      .evaluateAll((els) => els.map((e) => [parseFloat((e as HTMLElement).style.top) || 0, e.textContent ?? ''] as const).sort((a, b) => a[0] - b[0]).map((x) => x[1]));
    return lines.join('\n').replace(/\u00a0/g, ' ');
  }
  markers(kind: 'error' | 'warning' | 'info' = 'error'): Locator {
    return this.root.locator(`.squiggly-${kind}`);
  }
  /**
   * Whether a squiggle of `kind` is on screen under `text`, judged by geometry as a person sees it: Monaco
   * draws squiggles in an overlay layer apart from the text, so the squiggle must overlap the characters of
   * `text` in a rendered line, and both must lie inside the editor's visible area (not in lines cut off
   * below it). Use with `expect.poll`.
   */
  squiggleUnder(text: string, kind: 'error' | 'warning' | 'info' = 'error'): Promise<boolean> {
    return this.root.evaluate(
      (host, [text, kind]) => {
        const screen = host.querySelector('.overflow-guard')?.getBoundingClientRect();
        if (!screen) return false;
        const onScreen = (r: DOMRect) => r.width > 0 && r.top >= screen.top && r.bottom <= screen.bottom && r.left < screen.right && r.right > screen.left;
        const squiggles = [...host.querySelectorAll(`.view-overlays .squiggly-${kind}`)].map((e) => e.getBoundingClientRect());
        for (const line of host.querySelectorAll('.view-line')) {
          const at = (line.textContent ?? '').indexOf(text);
          if (at < 0) continue;
          // The characters of `text` across the line's token spans.
          const range = document.createRange();
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          let seen = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const length = node.textContent?.length ?? 0;
            if (seen <= at && at < seen + length) range.setStart(node, at - seen);
            if (seen < at + text.length && at + text.length <= seen + length) range.setEnd(node, at + text.length - seen);
            seen += length;
          }
          const word = range.getBoundingClientRect();
          if (!onScreen(word)) continue;
          if (squiggles.some((r) => onScreen(r) && r.left < word.right && r.right > word.left && r.top < word.bottom && r.bottom > word.top)) return true;
        }
        return false;
      },
      [text, kind] as const,
    );
  }
  selectedText(): Locator {
    return this.root.locator('.selected-text');
  }
  /**
   * The selected text itself, read through the clipboard: Monaco's input gets the focus without a click
   * (which would move the selection), Ctrl+C copies, the page reads the clipboard back.
   */
  async selection(): Promise<string> {
    await expect(this.selectedText().first()).toBeVisible();
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.root.locator('.native-edit-context, textarea.inputarea').first().focus();
    await this.page.keyboard.press('Control+C');
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}

export class ProblemsPane {
  readonly root: Locator;
  constructor(page: Page) {
    this.root = page.getByRole('region', { name: 'Problems' });
  }
  item(text: string | RegExp): Locator {
    return this.root.getByRole('listitem').filter({ hasText: text });
  }
}

export class OutlinePane {
  readonly root: Locator;
  constructor(page: Page) {
    this.root = page.getByRole('navigation', { name: 'Resources' });
  }
  item(name: string): Locator {
    return this.root.getByRole('button', { name: new RegExp(name) });
  }
}

interface Fixtures {
  editor: EditorPane;
  problems: ProblemsPane;
  outline: OutlinePane;
  /** Opens the app on an example with a fresh local storage. */
  openExample(name?: string): Promise<void>;
}

export const test = base.extend<Fixtures>({
  editor: async ({ page }, use) => use(new EditorPane(page)),
  problems: async ({ page }, use) => use(new ProblemsPane(page)),
  outline: async ({ page }, use) => use(new OutlinePane(page)),
  openExample: async ({ page }, use) => {
    await use(async (name = 'default') => {
      await page.goto(`/?example=${name}`);
      await page.evaluate(() => localStorage.clear());
      await page.goto(`/?example=${name}`);
      await expect(page.getByTestId('yaml-editor').locator('.view-lines')).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /analysed in/ })).toBeVisible();
    });
  },
});

/** Records the page's long tasks (over 50 ms) from now on, or from the next load with `{ fromLoad: true }`. */
export async function watchLongTasks(page: Page, { fromLoad = false } = {}): Promise<void> {
  const observe = () => {
    const w = window as unknown as { __longTasks?: number[] };
    if (w.__longTasks) return;
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks!.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  };
  if (fromLoad) await page.addInitScript(observe);
  else await page.evaluate(observe);
}

/** The long tasks recorded since watchLongTasks (or the last reset), and the longest. */
export async function longTasks(page: Page, { reset = false } = {}): Promise<{ longest: number; tasks: number[] }> {
  return page.evaluate((clear) => {
    const w = window as unknown as { __longTasks?: number[] };
    const tasks = [...(w.__longTasks ?? [])];
    if (clear && w.__longTasks) w.__longTasks.length = 0;
    return { longest: Math.max(0, ...tasks), tasks };
  }, reset);
}

/** The autosaved workspace as stored (the JSON text, put back together from its chunks). */
export function savedWorkspace(page: Page): Promise<string> {
  return page.evaluate(() => {
    const key = 'ingressroute-studio:workspace';
    const head = localStorage.getItem(key) ?? '';
    try {
      const manifest = JSON.parse(head) as { chunked?: number; chunks?: string[] };
      if (manifest.chunked === 1 && manifest.chunks) return manifest.chunks.map((c) => localStorage.getItem(`${key}:chunk:${c}`) ?? '').join('');
    } catch {
      // not JSON: returned as is
    }
    return head;
  });
}

export { expect };

/**
 * Brings a view on screen: Graph, Simulator, Form, Problems, Routers, Tests or Compare. Specs call this
 * instead of clicking a tab. In the workbench the graph, the request bar and the verdict are always on
 * screen (Simulator also unfolds the request's options: entryPoint, SNI, headers); the Form is the
 * inspector (opened if it was closed); the others are tabs of the bottom strip.
 */
export async function showView(page: Page, name: 'Graph' | 'Simulator' | 'Form' | 'Problems' | 'Routers' | 'Tests' | 'Compare'): Promise<void> {
  if (name === 'Graph') return;
  if (name === 'Simulator') {
    const more = page.getByRole('region', { name: 'Request' }).getByRole('button', { name: 'More…' });
    if ((await more.count()) > 0 && (await more.getAttribute('aria-expanded')) === 'false') await more.click();
    return;
  }
  if (name === 'Form') {
    const open = page.getByRole('button', { name: 'Open inspector' });
    if ((await open.count()) > 0) await open.click();
    return;
  }
  const tab = page.getByRole('tablist', { name: 'Panels' }).getByRole('tab', { name: new RegExp(`^${name}\\b`) });
  await tab.click();
  const show = page.getByRole('button', { name: 'Show panel' });
  if ((await show.count()) > 0) await show.click();
}
