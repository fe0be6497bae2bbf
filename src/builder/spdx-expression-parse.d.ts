declare module "spdx-expression-parse" {
  /** Parses an SPDX license expression; throws on anything else. */
  export default function parse(expression: string): unknown;
}
