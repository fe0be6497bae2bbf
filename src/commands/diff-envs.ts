import type { Command } from "./types.js";
import { notAvailable } from "./usage.js";

export const diffEnvsCommand: Command = {
  name: "diff-envs",
  summary: "not available in this version",
  usage: "gitops-pipeline diff-envs",
  async run() {
    notAvailable("diff-envs");
  },
};
