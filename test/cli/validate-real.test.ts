import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runBundledAction } from "../support/action.js";
import { hasComponent } from "../support/components.js";

/** `gitops-pipeline validate` on what real config repositories hold: secrets, templates, lists, CRDs, overlays. */

const CLI = fileURLToPath(new URL("../../dist/cli/index.js", import.meta.url));
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "validate-real-"));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

interface Finding {
  rule: string;
  severity: string;
  file: string;
  line: number;
  message: string;
  related?: { file: string; line: number }[];
}

function validate(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("node", [CLI, "validate", ...args], { cwd, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function findings(cwd: string, args: string[] = []): Promise<Finding[]> {
  const result = await validate(cwd, ["--format", "json", ...args]);
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout).findings;
}

const at = (fs: Finding[], rule?: string) =>
  fs.filter((f) => !rule || f.rule === rule).map((f) => `${f.severity} ${f.rule} ${f.file}:${f.line}`);

const b64 = (s: string) => Buffer.from(s).toString("base64");
const ENC = (data: string) => `ENC[AES256_GCM,data:${b64(data)},iv:aXZpdml2aXY=,tag:dGFndGFn,type:str]`;
const SOPS_BLOCK = `sops:\n  mac: ${ENC("mac")}\n  age:\n    - recipient: age1qqqq\n      enc: "-----BEGIN AGE ENCRYPTED FILE-----"\n  version: 3.9.1\n`;
const secret = (name: string, body: string) =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n${body}`;

describe("validate: secrets that only look encrypted are plaintext", () => {
  it("accepts what SOPS writes, and nothing else that mentions sops or ENC[", async () => {
    const dir = repo({
      "secrets/sops.yaml": secret("real", `stringData:\n  password: ${ENC("hunter2")}\n${SOPS_BLOCK}`),
      "secrets/empty-block.yaml": secret("empty-block", "stringData:\n  password: hunter2\nsops: {}\n"),
      "secrets/block-plain.yaml": secret("block-plain", `stringData:\n  password: hunter2\n${SOPS_BLOCK}`),
      // Flux's name for a GPG private key: the key starts with "sops", the value is the key itself.
      "secrets/gpg.yaml": secret(
        "sops-gpg",
        `data:\n  sops.asc: ${b64("-----BEGIN PGP PRIVATE KEY BLOCK-----\nxcLY")}\n`,
      ),
      "secrets/enc-text.yaml": secret("enc-text", "stringData:\n  token: ENC[this is my token]\n"),
      "secrets/no-mac.yaml": secret(
        "no-mac",
        `stringData:\n  password: ${ENC("x")}\nsops:\n  age: [{recipient: age1qqqq}]\n`,
      ),
    });
    const got = await findings(dir, ["--render", "never"]);
    expect(at(got, "plaintext-secret")).toEqual([
      "error plaintext-secret secrets/block-plain.yaml:6",
      "error plaintext-secret secrets/empty-block.yaml:6",
      "error plaintext-secret secrets/enc-text.yaml:6",
      "error plaintext-secret secrets/gpg.yaml:6",
      "error plaintext-secret secrets/no-mac.yaml:6",
    ]);
    expect(got.find((f) => f.file === "secrets/gpg.yaml")?.message).toContain('"sops.asc"');
  });

  it("a Secret generated from a SOPS dotenv file passes; its sops_ keys alone prove nothing", async () => {
    const generated = `data:\n  PASSWORD: ${b64(ENC("pw"))}\n  sops_mac: ${b64(ENC("mac"))}\n  sops_age__list_0__map_recipient: ${b64("age1qqqq")}\n  sops_version: ${b64("3.9.1")}\n`;
    const dir = repo({
      "a/generated.yaml": secret("generated", generated),
      "b/forged.yaml": secret("forged", `stringData:\n  sops_password: hunter2\n`),
    });
    expect(at(await findings(dir, ["--render", "never"]), "plaintext-secret")).toEqual([
      "error plaintext-secret b/forged.yaml:6",
    ]);
  });
});

describe("validate: what kustomize or kubectl would apply is checked", () => {
  it("a {{ }} in a comment or a key does not turn a manifest file into a template", async () => {
    const dir = repo({
      "apps/secret.yaml": `# rendered by hand from {{ .Values.db }}\n${secret("db", 'stringData:\n  "{{ key }}": x\n  password: hunter2\n')}`,
      // A real Helm template stays unchecked.
      "chart/templates/secret.yaml": secret(
        "{{ .Release.Name }}",
        "stringData:\n  password: {{ .Values.pw }}\n",
      ),
    });
    expect(at(await findings(dir, ["--render", "never"]))).toEqual([
      "error plaintext-secret apps/secret.yaml:7",
    ]);
  });

  it("reads .json manifests, List and SecretList items as the objects they are", async () => {
    const dir = repo({
      "apps/secret.json": JSON.stringify(
        { apiVersion: "v1", kind: "Secret", metadata: { name: "j" }, stringData: { password: "hunter2" } },
        null,
        2,
      ),
      "apps/package.json": '{"name": "not-a-manifest", "version": "1.0.0"}\n',
      "lists/secrets.yaml":
        "apiVersion: v1\nkind: SecretList\nitems:\n  - metadata: {name: a}\n    stringData: {password: hunter2}\n",
      "lists/list.yaml":
        "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: b}\n    data: {token: aHVudGVyMg==}\n",
    });
    expect(at(await findings(dir, ["--render", "never"]))).toEqual([
      "error plaintext-secret apps/secret.json:8",
      "error plaintext-secret lists/list.yaml:7",
      "error plaintext-secret lists/secrets.yaml:5",
    ]);
  });

  it("without rendering, checks resources a kustomization names in dot-directories, node_modules or other files", async () => {
    const dir = repo({
      "app/kustomization.yaml":
        "resources:\n  - .generated/secret.yaml\n  - node_modules/chart/secret.yaml\n  - secret.manifest\n",
      "app/.generated/secret.yaml": secret("a", "stringData: {password: hunter2}\n"),
      "app/node_modules/chart/secret.yaml": secret("b", "stringData: {password: hunter2}\n"),
      "app/secret.manifest": secret("c", "stringData: {password: hunter2}\n"),
    });
    expect(at(await findings(dir, ["--render", "never"]))).toEqual([
      "error plaintext-secret app/.generated/secret.yaml:5",
      "error plaintext-secret app/node_modules/chart/secret.yaml:5",
      "error plaintext-secret app/secret.manifest:5",
    ]);
  });

  it("a --crds file that is not YAML is an error at its line", async () => {
    const dir = repo({
      "apps/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n",
      // Cut off by a bad copy: no apiVersion left, so it does not even look like a manifest.
      "crds/broken.yaml": "kind: CustomResourceDefinition\nspec:\n  group: [a\n",
    });
    const result = await validate(dir, ["--format", "json", "--crds", "crds/broken.yaml", "apps"]);
    expect(result.code).toBe(1);
    expect(at(JSON.parse(result.stdout).findings)).toEqual(["error yaml-syntax crds/broken.yaml:4"]);
  });
});

const store = (provider: string) =>
  `apiVersion: external-secrets.io/v1beta1\nkind: ClusterSecretStore\nmetadata:\n  name: store\nspec:\n  provider:\n${provider}`;

describe("validate: schemas that lag the operators", () => {
  it("an unknown field of a custom resource warns unless strict; of a core kind it stays an error", async () => {
    const dir = repo({
      "stores/store.yaml": store("    futureVault:\n      url: https://vault.example\n"),
      "apps/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndatta: {}\n",
    });
    expect(at(await findings(dir))).toEqual([
      "error unknown-field apps/cm.yaml:4",
      "warning unknown-field stores/store.yaml:7",
    ]);
    expect(at(await findings(dir, ["--strict"]), "unknown-field")).toEqual([
      "error unknown-field apps/cm.yaml:4",
      "error unknown-field stores/store.yaml:7",
    ]);
  });

  it("reads newer schemas from a kubeconform-style directory, by option and by config", async () => {
    const schema = {
      type: "object",
      properties: {
        spec: {
          type: "object",
          properties: {
            provider: {
              type: "object",
              properties: {
                futureVault: {
                  type: "object",
                  required: ["url", "role"],
                  properties: { url: { type: "string" }, role: { type: "string" } },
                },
              },
            },
          },
        },
      },
    };
    const dir = repo({
      "stores/store.yaml": store("    futureVault:\n      url: https://vault.example\n"),
      "schemas/external-secrets.io/clustersecretstore_v1beta1.json": JSON.stringify(schema, null, 2),
      "platform/gitops-pipeline.yaml": "validate:\n  schemas: [../schemas]\n",
    });
    // The newer schema knows the provider, and holds the resource to what it requires.
    const want = ["error schema stores/store.yaml:7"];
    expect(at(await findings(dir, ["--schemas", "schemas", "stores"]))).toEqual(want);
    const fromConfig = await findings(dir, ["--config", "platform/gitops-pipeline.yaml", "stores"]);
    expect(at(fromConfig)).toEqual(want);
    expect(fromConfig[0]!.message).toContain('missing required field "role"');

    writeFileSync(
      path.join(dir, "schemas/external-secrets.io/clustersecretstore_v1beta1.json"),
      '{\n  "type": [\n',
    );
    const broken = await validate(dir, ["--schemas", "schemas", "stores"]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("schemas/external-secrets.io/clustersecretstore_v1beta1.json:3");
  });
});

describe("validate: real layouts without false findings", () => {
  it("an HPA one directory below its Deployment is not dangling", async () => {
    const deployment = (name: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers: [{name: c, image: "ghcr.io/acme/${name}:1.0"}]\n`;
    const hpa = (target: string) =>
      `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: ${target}}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${target}}\n  minReplicas: 1\n  maxReplicas: 3\n`;
    const dir = repo({
      "web/deployment.yaml": deployment("web"),
      "web/scaling/hpa.yaml": hpa("web"),
      "web/scaling/worker.yaml": deployment("worker"),
      "web/scaling/typo.yaml": hpa("wbe"),
    });
    expect(at(await findings(dir, ["--render", "never"]), "hpa-target")).toEqual([
      "error hpa-target web/scaling/typo.yaml:5",
    ]);
  });

  it.runIf(hasComponent("kubectl", ["version", "--client"]))(
    "an Argo CD kustomized-helm plugin folder is neither built nor its patch checked as a resource",
    async () => {
      const dir = repo({
        "plugins/kustomized-helm/Chart.yaml": "apiVersion: v2\nname: guestbook\nversion: 0.1.0\n",
        "plugins/kustomized-helm/.gitignore": "all.yaml\n",
        "plugins/kustomized-helm/kustomization.yaml":
          "namePrefix: kustomize-\nresources:\n- ./all.yaml\npatches:\n- overlays/guestbook-deployment.yaml\n",
        "plugins/kustomized-helm/overlays/guestbook-deployment.yaml":
          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: helm-guestbook\nspec:\n  replicas: 2\n",
        "plugins/kustomized-helm/templates/deployment.yaml":
          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n",
      });
      const result = await validate(dir, ["--format", "json"]);
      expect(JSON.parse(result.stdout).findings).toEqual([]);
      expect(result.code).toBe(0);
    },
  );
});

describe.runIf(hasComponent("kubectl", ["version", "--client"]))("validate: a value an overlay sets", () => {
  const files = {
    "base/kustomization.yaml": "resources: [web.yaml]\n",
    "base/web.yaml": `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      securityContext: {runAsNonRoot: true}
      containers:
        - name: web
          image: ghcr.io/acme/web:1.4.2
          securityContext: {allowPrivilegeEscalation: false}
          resources: {requests: {cpu: 10m, memory: 8Mi}, limits: {memory: 8Mi}}
          readinessProbe: {httpGet: {path: /, port: 80}}
          livenessProbe: {httpGet: {path: /, port: 80}}
`,
    "overlays/production/kustomization.yaml":
      "resources: [../../base]\nimages:\n  - name: ghcr.io/acme/web\n    newTag: latest\n",
  };

  it("is reported at the overlay's images entry, the base line second, in JSON, annotations and SARIF", async () => {
    const dir = repo(files);
    const got = await findings(dir);
    expect(at(got)).toEqual(["error latest-tag overlays/production/kustomization.yaml:4"]);
    expect(got[0]!.message).toContain("the base writes it at base/web.yaml:12");
    expect(got[0]!.related).toEqual([{ file: "base/web.yaml", line: 12, column: 11 }]);

    const github = await validate(dir, ["--format", "github"]);
    expect(github.stdout).toContain("::error file=overlays/production/kustomization.yaml,line=4,");
    const sarif = JSON.parse((await validate(dir, ["--format", "sarif"])).stdout);
    const result = sarif.runs[0].results[0];
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(
      "overlays/production/kustomization.yaml",
    );
    expect(result.relatedLocations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "base/web.yaml", uriBaseId: "%SRCROOT%" },
      region: { startLine: 12, startColumn: 11 },
    });
  });

  it("the bundled action annotates the overlay line too", async () => {
    const dir = repo(files);
    const result = await runBundledAction("validate-manifests", {
      inputs: { "fail-on": "never", annotations: "true" },
      cwd: dir,
      env: { GITHUB_WORKSPACE: dir },
    });
    expect(result.stdout).toContain("file=overlays/production/kustomization.yaml,line=4");
    expect(result.stdout).not.toContain("file=base/web.yaml");
  });
});
