// monaco-yaml imports prettier for YAML formatting; the app does not offer formatting (it would
// re-serialise the user's text), so the 130 KB gzip of prettier is replaced by this stub.
export function format(): never {
  throw new Error('Formatting is not available in IngressRoute Studio.');
}
export default { format };
// The plugin modules monaco-yaml imports alongside (prettier/plugins/yaml, prettier/plugins/estree).
export const parsers = {};
export const printers = {};
