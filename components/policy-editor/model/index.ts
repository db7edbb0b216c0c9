/** The policy editor's pure model: no React, so it runs (and is tested) in node. */
export * from "./types";
export { parseToModel, newBlockId, rawPart } from "./parse-to-model";
export { modelToJson, blockToJson, ELEMENT_ORDER } from "./model-to-json";
export { formatJsonText, writeNode } from "./json-writer";
export * from "./edit";
export * from "./actions";
export * from "./arn";
export * from "./conditions";
export * from "./principals";
export * from "./json-context";
export * from "./policy-kinds";
export { servicesNamed } from "./services";
export { validateCached, type ValidationOptions } from "./validation";
export { blockTitle, blockSummary } from "./block-summary";
