export * from "./challenge.js";
export * from "./client.js";
export * from "./credentials.js";
