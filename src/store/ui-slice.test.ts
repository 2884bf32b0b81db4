import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createUiSlice } from './slices.ts';
import type { StudioState } from './types.ts';

const store = () => create<StudioState>()((...a) => ({ ...createUiSlice(...a) }) as StudioState);

describe('the inspector follows the selection', () => {
  it('opens on the first selection of a resource', () => {
    const s = store();
    expect(s.getState().inspectorOpen).toBe(false);
    s.getState().select({ resourceId: 'a', from: 'outline' });
    expect(s.getState().inspectorOpen).toBe(true);
  });

  it('stays closed while the cursor moves inside the resource it was closed on, reopens for another', () => {
    const s = store();
    s.getState().select({ resourceId: 'a', from: 'editor' });
    s.getState().setInspectorOpen(false);
    s.getState().select({ resourceId: 'a', routerName: 'r1', from: 'editor' });
    expect(s.getState().inspectorOpen).toBe(false);
    s.getState().select({ resourceId: 'b', from: 'editor' });
    expect(s.getState().inspectorOpen).toBe(true);
  });

  it('reopens on a click on the same resource in another pane', () => {
    const s = store();
    s.getState().select({ resourceId: 'a', from: 'graph' });
    s.getState().setInspectorOpen(false);
    s.getState().select({ resourceId: 'a', from: 'graph' });
    expect(s.getState().inspectorOpen).toBe(true);
  });

  it('does not open for a selection without a resource', () => {
    const s = store();
    s.getState().select({ nodeId: 'entryPoint:web', from: 'graph' });
    expect(s.getState().inspectorOpen).toBe(false);
  });
});
