import { isObj, isPlaceholder, isSecretReference, listAt } from "../object.js";
import type { Rule, Violation } from "../types.js";
import { describeContainer, eachContainer } from "../workloads.js";

const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|AUTH_?KEY/;
/** Names that say the value is about a secret, not the secret: a file, a reference, a setting. */
const NOT_THE_SECRET =
  /_(?:FILES?|PATH|DIR|NAME|REF|KEY_?ID|ID|URL|URI|ENDPOINT|HOST|PORT|TTL|TIMEOUT|EXPIRY|EXPIRATION|LENGTH|LEN|SIZE|COUNT|LIFETIME|AGE|INTERVAL|DURATION|ENABLED|DISABLED|HEADER|TYPE|KIND|MODE|FORMAT|ALGORITHM|ISSUER|AUDIENCE|PROVIDER|BACKEND|STORE|MANAGER|PROJECT|REGION|NAMESPACE|VERSION|SOURCE|LOCATION|MOUNT|POLICY|STRATEGY|METHOD)$/;
/** `scheme://user:password@host`, with a password that is really there. */
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:([^\s/@]+)@/i;

function looksLikeSetting(value: string): boolean {
  return /^(?:true|false|yes|no|on|off|none|null|\d+[a-z]*)$/i.test(value) || value.startsWith("/");
}

function credential(name: string, value: string): string | undefined {
  const url = URL_CREDENTIALS.exec(value);
  if (url && !isPlaceholder(url[1]!)) return "a URL with a password";
  const upper = name.toUpperCase().replaceAll("-", "_").replaceAll(".", "_");
  if (SECRET_NAME.test(upper) && !NOT_THE_SECRET.test(upper) && !looksLikeSetting(value))
    return "a literal credential";
  return undefined;
}

/** A credential written into `env[].value` is a plaintext secret in Git, and shows in `kubectl describe`. */
export const secretInEnv: Rule = {
  id: "secret-in-env",
  defaultSeverity: "error",
  description: "Environment variables must not hold literal credentials; use valueFrom.secretKeyRef.",
  checkResource: eachContainer((location) =>
    listAt(location.container, ["env"]).flatMap((variable, index): Violation[] => {
      if (!isObj(variable)) return [];
      const { name, value } = variable;
      if (typeof name !== "string" || typeof value !== "string" || value.trim() === "") return [];
      if ((isPlaceholder(value) || isSecretReference(value)) && !URL_CREDENTIALS.test(value)) return [];
      const what = credential(name, value);
      if (!what) return [];
      return [
        {
          message: `${describeContainer(location)} sets ${name} to ${what}; move it to a Secret (SealedSecret or ExternalSecret) and use valueFrom.secretKeyRef`,
          path: [...location.path, "env", index, "value"],
        },
      ];
    }),
  ),
};
