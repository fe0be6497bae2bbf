export * from "./document.js";
export * from "./duplicates.js";
export * from "./embedded.js";
export * from "./mapping.js";
export * from "./scalar.js";
export * from "./splice.js";
export * from "./tree.js";
