import { run } from "../actions/update-manifest-tag.js";

await run();
