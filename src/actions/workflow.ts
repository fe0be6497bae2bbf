import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { EOL } from "node:os";

/**
 * The runner's side of a JavaScript action, spoken directly: inputs from INPUT_* variables, outputs and the job
 * summary appended to the files the runner names, messages as workflow commands on stdout. It follows the
 * protocol @actions/core implements (a test holds the two side by side); that package also loads an HTTP client
 * for OIDC tokens when it is imported, which costs every step more start-up time than a small job takes.
 */

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

const escapeData = (text: string): string =>
  text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

const commandValue = (value: unknown): string =>
  value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);

function issue(command: string, message: string, properties: Record<string, unknown> = {}): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== "" && value !== 0)
    .map(([key, value]) => `${key}=${escapeProperty(commandValue(value))}`)
    .join(",");
  process.stdout.write(`::${command}${props ? ` ${props}` : ""}::${escapeData(message)}${EOL}`);
}

function annotation(command: string, message: string, properties: AnnotationProperties = {}): void {
  issue(command, message, {
    title: properties.title,
    file: properties.file,
    line: properties.startLine,
    endLine: properties.endLine,
    col: properties.startColumn,
    endColumn: properties.endColumn,
  });
}

export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

export function getMultilineInput(name: string): string[] {
  return getInput(name)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

export function setOutput(name: string, value: unknown): void {
  const file = process.env.GITHUB_OUTPUT;
  const text = commandValue(value);
  if (!file) {
    process.stdout.write(EOL);
    issue("set-output", text, { name });
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  // A value holding the delimiter could end the block early and set outputs of its own choosing.
  if (name.includes(delimiter) || text.includes(delimiter))
    throw new Error("output value contains its delimiter");
  appendFileSync(file, `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, "utf8");
}

export function setSecret(secret: string): void {
  issue("add-mask", secret);
}

export const isDebug = (): boolean => process.env.RUNNER_DEBUG === "1";

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`);
}

export function debug(message: string): void {
  issue("debug", message);
}

export function notice(message: string, properties?: AnnotationProperties): void {
  annotation("notice", message, properties);
}

export function warning(message: string, properties?: AnnotationProperties): void {
  annotation("warning", message, properties);
}

export function error(message: string, properties?: AnnotationProperties): void {
  annotation("error", message, properties);
}

export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Appends markdown to the job summary; false when the runner names no summary file. */
export function appendSummary(markdown: string): boolean {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, markdown, "utf8");
  return true;
}
