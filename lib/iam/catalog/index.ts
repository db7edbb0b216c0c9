/**
 * The IAM catalogue (pure; browser-safe). On the server, call `loadCatalog()` from
 * "@/lib/iam/catalog/load" once; in the browser, `installCatalog(catalogFromSnapshot(snapshot))`.
 */
export { Catalog, createCatalog } from "./catalog";
export {
  conditionKey,
  expandActionPattern,
  getAction,
  getCatalog,
  getService,
  globalConditionKeys,
  hasCatalog,
  installCatalog,
  listServices,
  resourceTypesForArn,
} from "./default";
export {
  SNAPSHOT_FORMAT,
  STRONGBOX_SERVICES,
  buildCatalogSnapshot,
  catalogFromSnapshot,
  snapshotSource,
  type CatalogSnapshot,
  type SnapshotOptions,
} from "./snapshot";
export { parseArn, PARTITIONS, type ArnParts } from "./arn";
export {
  globCovers,
  globsIntersect,
  globToRegExp,
  isLiteralPattern,
  tokenizeGlob,
  type GlobToken,
} from "./glob";
export { STRONGBOX_SUPPORT } from "./corrections";
export * from "./types";
