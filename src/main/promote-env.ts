import { run } from "../actions/promote-env.js";

await run();
