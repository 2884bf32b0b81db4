import { describe, expect, it } from 'vitest';
import { defaultSizes, fitColumns } from './usePanelSizes.ts';

describe('workbench column widths', () => {
  it.each([
    [1280, 720],
    [1440, 900],
    [1920, 1080],
  ])('at %i×%i the defaults leave the centre at least 420 px with the inspector open', (width, height) => {
    const sizes = defaultSizes(width, height);
    const cols = fitColumns(sizes, width, true);
    const centre = width - cols.outline - cols.editor - cols.inspector - 3 * 6;
    expect(centre).toBeGreaterThanOrEqual(420);
    // Nothing had to give way: the defaults fit as they are.
    expect(cols.editor).toBe(sizes.editor);
    expect(cols.inspector).toBe(sizes.inspector);
  });

  it('starts the outline as a rail below 1400 px and open above', () => {
    expect(defaultSizes(1280, 720).outlineCollapsed).toBe(true);
    expect(defaultSizes(1440, 900).outlineCollapsed).toBe(false);
  });

  it('shrinks saved widths that no longer fit a smaller window: the editor first, then the inspector, then the outline', () => {
    const saved = { ...defaultSizes(1920, 1080), outlineCollapsed: false, outline: 300, editor: 900, inspector: 600 };
    const cols = fitColumns(saved, 1280, true);
    expect(cols.editor).toBe(280);
    expect(1280 - cols.outline - cols.editor - cols.inspector - 18).toBeGreaterThanOrEqual(420);
    expect(cols.inspector).toBeLessThan(600);
    expect(cols.inspector).toBeGreaterThanOrEqual(280);
  });

  it('gives the closed inspector room back to nothing but the centre', () => {
    const sizes = defaultSizes(1440, 900);
    expect(fitColumns(sizes, 1440, false).inspector).toBe(0);
  });
});
