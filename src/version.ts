/** Kept equal to package.json's version by a test, so bundles need not read package.json at run time. */
export const VERSION = "0.1.0";
