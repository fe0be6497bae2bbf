import { run } from "../actions/validate-manifests.js";

await run();
