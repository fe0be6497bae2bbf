/** What the core may say while it works; entries wire it to workflow commands or to stderr. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warning() {} };
