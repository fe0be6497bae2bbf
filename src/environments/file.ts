/** The environments file, at the root of the config repository unless an input or option names another. */
export const CONFIG_FILE = "gitops-pipeline.yaml";
