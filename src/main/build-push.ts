import { run } from "../actions/build-push.js";

await run();
