export * from "./ref.js";
