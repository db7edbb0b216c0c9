// Lambda's operations for rotation functions: one per AWS action, each `(caller, input) =>
// output` in AWS's shapes. A function runs a Strongbox template as its execution role.
export { createFunction } from "./create-function";
export { getFunction, getFunctionConfiguration } from "./get-function";
export { listFunctions } from "./list-functions";
export { updateFunctionConfiguration } from "./update-function-configuration";
export { deleteFunction } from "./delete-function";
export { functionArn, configurationShape } from "./functions";

export type { CreateFunctionInput, CreateFunctionOutput } from "./create-function";
export type { GetFunctionOutput } from "./get-function";
export type { ListFunctionsInput, ListFunctionsOutput } from "./list-functions";
export type { UpdateFunctionConfigurationInput } from "./update-function-configuration";
export type { FunctionConfiguration } from "./functions";
