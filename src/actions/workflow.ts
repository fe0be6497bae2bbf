/**
 * The runner protocol is @actions/core's. This module only keeps the import path older entries use; new code imports
 * @actions/core itself.
 */
export type { AnnotationProperties } from "@actions/core";
export {
  debug,
  error,
  getInput,
  getMultilineInput,
  info,
  isDebug,
  notice,
  setFailed,
  setOutput,
  setSecret,
  warning,
} from "@actions/core";
