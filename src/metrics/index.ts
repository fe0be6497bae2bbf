export * from "./history.js";
export * from "./known-good.js";
export * from "./replay.js";
export * from "./report.js";
export * from "./trailers.js";
