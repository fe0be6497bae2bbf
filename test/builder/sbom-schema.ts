import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

// Strict mode so a typo in the schema itself (an unknown keyword) fails loudly instead of checking nothing.
const ajv = new Ajv({ strict: true, allErrors: true });
(addFormatsModule as unknown as (instance: Ajv) => Ajv)(ajv);

/** Validates a document against what an SBOM from build-push must satisfy (test/fixtures/spdx/sbom-2.3.schema.json). */
export const validateSbom: ValidateFunction = ajv.compile(
  JSON.parse(
    readFileSync(fileURLToPath(new URL("../fixtures/spdx/sbom-2.3.schema.json", import.meta.url)), "utf8"),
  ),
);
