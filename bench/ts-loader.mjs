// Lets a bench import the TypeScript test starters (test/support/*.ts) directly. They import each other as `./x.js`
// (NodeNext style) and use syntax Node's type stripping refuses, so resolve a missing `.js` imported from a `.ts`
// file to its `.ts` source and transpile it with the project's TypeScript. Import this module first.
import { readFileSync } from "node:fs";
import * as nodeModule from "node:module";
import { fileURLToPath } from "node:url";
import ts from "typescript";

if (typeof nodeModule.registerHooks !== "function") {
  console.error(
    `the benches need Node >= 23.6 (this is ${process.version}); run them through npm run bench:<name>`,
  );
  process.exit(2);
}

nodeModule.registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (!specifier.endsWith(".js") || !context.parentURL?.endsWith(".ts")) throw error;
      return next(`${specifier.slice(0, -3)}.ts`, context);
    }
  },
  load(url, context, next) {
    if (!url.endsWith(".ts")) return next(url, context);
    const source = readFileSync(fileURLToPath(url), "utf8");
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: false,
      },
    });
    return { format: "module", source: outputText, shortCircuit: true };
  },
});
