export * from "./diff.js";
export * from "./encoding.js";
export * from "./local.js";
export * from "./paths.js";
export * from "./plan.js";
export type * from "./reader.js";
