/**
 * Everything that turns a form or graph edit into text edits, in one chunk the page loads on first use
 * (`planners.ts`): planEdit brings js-yaml and the YAML edit layer, which the page needs for nothing else
 * (the analysis parses in the worker).
 */
export { batchEdits } from './form/edit-batch.ts';
export { createResource } from './form/create-resource.ts';
export { planIntents } from '../core/graph/graph-plan.ts';
