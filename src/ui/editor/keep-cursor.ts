import { monaco } from './monaco.ts';

/**
 * Keeps the cursor on screen when the editor gets shorter under it. Monaco keeps its scrollTop when its
 * height shrinks, so the lines at the bottom of the old viewport end up hidden below the new one. That
 * happened after every jump to the end of a large file (Ctrl+End) made right after it loaded: the first
 * analysis then opened the Problems list in the bottom strip, the editor lost ~170 px, and the cursor line
 * with the error squiggles above it dropped out of view (the markers were set, their lines were not drawn;
 * e2e/robustness.spec.ts). A cursor that was already off screen (the user scrolled away) is left alone.
 */
export function keepCursorOnScreen(editor: monaco.editor.IStandaloneCodeEditor): monaco.IDisposable {
  let height = editor.getLayoutInfo().height;
  return editor.onDidLayoutChange((layout) => {
    const before = height;
    height = layout.height;
    const position = editor.getPosition();
    // Height 0 is the editor hidden (a collapsed pane): nothing to keep on screen.
    if (!position || layout.height >= before || layout.height === 0) return;
    // The cursor line's top relative to the viewport; scrollTop did not move with the resize.
    const top = editor.getTopForLineNumber(position.lineNumber) - editor.getScrollTop();
    // On screen in the old viewport: brought back into the new one (Monaco scrolls only if it has to).
    if (top >= 0 && top < before) editor.revealPosition(position, monaco.editor.ScrollType.Immediate);
  });
}
