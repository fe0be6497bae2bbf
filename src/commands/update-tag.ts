import type { Command } from "./types.js";
import { notAvailable } from "./usage.js";

export const updateTagCommand: Command = {
  name: "update-tag",
  summary: "not available in this version",
  usage: "gitops-pipeline update-tag",
  async run() {
    notAvailable("update-tag");
  },
};
