/** IAM SimulateCustomPolicy (pure): one request, or many as JSON lines. The CLI is "./cli" (server only). */
export { DEFAULT_SIMULATION_ACCOUNT, simulateCustomPolicy } from "./simulate-custom-policy";
export { runSimulateJsonl, simulateJsonLine, type JsonlSummary } from "./jsonl";
export { SIMULATED_SESSION, callerPrincipal } from "./caller";
export type * from "./types";
