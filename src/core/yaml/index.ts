/**
 * core/yaml — multi-document YAML (and JSON) with source ranges, path ↔ range navigation, offsets
 * inside scalars, and minimal comment-preserving edits.
 *
 * YAML 1.1, as Kubernetes reads it (the decision every other folder relies on):
 * - Values are constructed the way kubectl and the API server construct them (go-yaml v2 through
 *   sigs.k8s.io/yaml), not the way YAML 1.2 editors show them: plain `yes/no/on/off/y/n` (any of
 *   their capitalisations) ARE booleans, `0755` IS the octal 493, `0o17` is 15, `1e3` is 1000,
 *   `1_000` is 1000; dates (`2024-01-01`) and base-60 (`1:30`) stay strings. See resolve.ts for the
 *   table; explicit tags (`!!str 0755`) go through js-yaml's YAML11_SCHEMA minus `!!timestamp`.
 *   So `secure: yes` is `true`, and a string field written `name: on` reaches the schema check as a
 *   boolean, which reports the type error Kubernetes would.
 * - Each plain `yes/no/on/off/y/n` (not `true/false`) and each leading-zero number ALSO produces a
 *   warning YAML_AMBIGUOUS_SCALAR with a quick fix that quotes it: the same text means something
 *   else to YAML 1.2 tools and to readers, and quoting is how to say "string".
 * - Keys are strings (`on:` becomes the key "true", as in Kubernetes' JSON); `<<` merges; duplicate
 *   keys are errors (the last value wins in the constructed value); aliases share their anchor's value,
 *   capped at MAX_ALIASES aliases / MAX_ALIAS_EXPANSION expanded nodes per document.
 *
 * Ranges: every node has a range (with its tag/anchor; for block scalars from the `|`/`>` header to
 * the last non-blank body character); scalars also have valueRange (inside quotes). Map and sequence
 * ranges run from their first to their last child (flow ones include their brackets); a pair runs
 * from its key to the end of its value; an empty value is an empty range just after its `:` or `-`.
 * Treat ranges as read-only: a plain scalar's range and valueRange are the same object.
 */
export { parseFile, MAX_DEPTH } from './parse-file.ts';
export { ParseCache } from './parse-cache.ts';
export { MAX_ALIASES, MAX_ALIAS_EXPANSION } from './compose.ts';
export { LineIndex, type LineColumn } from './line-index.ts';
export { nodeAtPath, locatePath, rangeOfPath, pathAtOffset, deref, findPair, pairRange, type PathLocation } from './path.ts';
export { decodedToSourceOffset, scalarOffsets } from './scalar-offset.ts';
export { resolvePlain, K8S_SCHEMA } from './resolve.ts';
export { splitDocuments, type DocSegment } from './split.ts';
export { planEdit, applyEdits, type EditIntent, type EditResult, type ResourceIntent } from './edit.ts';
export { YAML_CODES, type YamlCode } from './codes.ts';
