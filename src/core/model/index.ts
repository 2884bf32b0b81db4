/**
 * core/model — typed resources from parsed YAML: extraction (with List unwrapping, ids and
 * duplicates), defensive readers for raw values, and ranges of parts of a resource.
 */
export { extractResources } from './extract.ts';
export { resourceRange, resourceKeyRange } from './range.ts';
export { classifyKind, isListKind, TRAEFIK_API_VERSIONS, type KindClass } from './kinds.ts';
export { str, num, bool, arr, obj, get, strMap } from './read.ts';
export { MODEL_CODES, type ModelCode } from './codes.ts';
