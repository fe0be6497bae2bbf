import { describe, expect, it } from "vitest";
import { plaintextSecret } from "../../../src/validate/rules/plaintext-secret.js";
import { secretInEnv } from "../../../src/validate/rules/secret-in-env.js";
import { checkYaml, linesWith } from "./helpers.js";

describe("plaintext-secret", () => {
  it("flags a Secret with data at its first key and names every key", () => {
    const text = `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
data:
  username: YWRtaW4= # first
  password: c2VjcmV0
---
apiVersion: v1
kind: Secret
metadata: {name: api}
stringData:
  token: hunter2 # string
`;
    const hits = checkYaml(plaintextSecret, text);
    expect(hits.map((hit) => hit.line)).toEqual([
      ...linesWith(text, "# first"),
      ...linesWith(text, "# string"),
    ]);
    expect(hits[0]!.message).toBe(
      'Secret "db" holds keys "username", "password" in plain base64; commit a SealedSecret or an ExternalSecret (or encrypt with SOPS) instead',
    );
    expect(hits[1]!.message).toContain('key "token" in plain text');
  });

  it("counts the credential keys of an Argo CD repository Secret, not its URL", () => {
    const text = `apiVersion: v1
kind: Secret
metadata:
  name: private-repo
  labels: {argocd.argoproj.io/secret-type: repository}
stringData:
  type: git
  url: https://github.com/acme/private.git
  sshPrivateKey: "-----BEGIN OPENSSH PRIVATE KEY-----" # key
`;
    const hits = checkYaml(plaintextSecret, text);
    expect(hits.map((hit) => [hit.line, hit.message])).toEqual([
      [linesWith(text, "# key")[0], expect.stringContaining('holds key "sshPrivateKey" in plain text')],
    ]);
  });

  it("passes empty Secrets, service-account tokens, substitutions, SOPS and SealedSecrets", () => {
    const text = `apiVersion: v1
kind: Secret
metadata:
  name: sa-token
  annotations: {kubernetes.io/service-account.name: deployer}
type: kubernetes.io/service-account-token
---
apiVersion: v1
kind: Secret
metadata: {name: empty}
data: {}
---
apiVersion: v1
kind: Secret
metadata: {name: from-flux}
stringData:
  password: \${DB_PASSWORD}
---
apiVersion: v1
kind: Secret
metadata: {name: sops}
stringData:
  password: ENC[AES256_GCM,data:Tr7o=,iv:1=,tag:2=,type:str]
sops:
  version: 3.9.1
  mac: ENC[AES256_GCM,data:Q2xh,iv:aXY=,tag:dGFn,type:str]
  age: [{recipient: age1xyz, enc: "-----BEGIN AGE ENCRYPTED FILE-----"}]
---
apiVersion: v1
kind: Secret
metadata:
  name: repo-platform-config
  namespace: argocd
  labels: {argocd.argoproj.io/secret-type: repository}
stringData:
  type: git
  url: https://github.com/acme/platform-config.git
  project: default
---
apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata: {name: db}
spec:
  encryptedData:
    password: AgBy3i4OJSWK+PiTySYZZA==
`;
    expect(checkYaml(plaintextSecret, text)).toEqual([]);
  });
});

describe("secret-in-env", () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: acme/api:1.4.2
          env:
            - name: DB_PASSWORD
              value: hunter2 # password
            - name: STRIPE_API_KEY
              value: sk_live_abc # apikey
            - name: DATABASE_URL
              value: postgres://app:s3cret@db:5432/app # url
            - name: GITHUB_TOKEN
              valueFrom: {secretKeyRef: {name: gh, key: token}}
            - name: SESSION_SECRET
              value: \${SESSION_SECRET}
            - name: REDIS_URL
              value: redis://:\${REDIS_PASSWORD}@redis:6379
            - name: CACHE_URL
              value: redis://user:$(REDIS_PASSWORD)@redis:6379
            - name: API_TOKEN
              value: ""
            - name: TOKEN_TTL
              value: 3600s
            - name: PASSWORD_FILE
              value: /run/secrets/db
            - name: AWS_ACCESS_KEY_ID
              value: AKIAEXAMPLE
            - name: JWT_SECRET_NAME
              value: jwt-signing
            - name: HOMEPAGE
              value: https://acme.example/docs
            - name: OIDC_TOKEN_AUTH_ENABLED
              value: "true"
            - name: SECRET_MANAGER_PROJECT
              value: acme-prod
            - name: GF_SECURITY_ADMIN_PASSWORD__FILE
              value: /etc/grafana/admin
`;

  it("flags literal credentials and URLs with passwords at the value, nothing else", () => {
    const hits = checkYaml(secretInEnv, text);
    expect(hits.map((hit) => hit.line)).toEqual([
      ...linesWith(text, "# password"),
      ...linesWith(text, "# apikey"),
      ...linesWith(text, "# url"),
    ]);
    expect(hits[0]!.message).toBe(
      'container "api" sets DB_PASSWORD to a literal credential; move it to a Secret (SealedSecret or ExternalSecret) and use valueFrom.secretKeyRef',
    );
    expect(hits[2]!.message).toContain("DATABASE_URL to a URL with a password");
  });

  it("passes references, placeholders and settings about secrets", () => {
    const clean = text
      .split("\n")
      .filter(
        (line, index, lines) =>
          !/# (password|apikey|url)/.test(line) && !/# (password|apikey|url)/.test(lines[index + 1] ?? ""),
      )
      .join("\n");
    expect(clean).not.toContain("hunter2");
    expect(checkYaml(secretInEnv, clean)).toEqual([]);
  });
});
