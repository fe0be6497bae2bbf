import type { Command } from "./types.js";
import { notAvailable } from "./usage.js";

export const validateCommand: Command = {
  name: "validate",
  summary: "not available in this version",
  usage: "gitops-pipeline validate",
  async run() {
    notAvailable("validate");
  },
};
