/** The resource just created from a template: its form focuses its first field, once. */
let focusFor: string | null = null;

export function requestFocus(resourceId: string): void {
  focusFor = resourceId;
}

/** True once for the resource just created. */
export function takeFocusRequest(resourceId: string): boolean {
  if (focusFor !== resourceId) return false;
  focusFor = null;
  return true;
}
