import type { Command } from "./types.js";
import { notAvailable } from "./usage.js";

export const promoteCommand: Command = {
  name: "promote",
  summary: "not available in this version",
  usage: "gitops-pipeline promote",
  async run() {
    notAvailable("promote");
  },
};
