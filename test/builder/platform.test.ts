import { describe, expect, it } from "vitest";
import { checkPlatform, checkPlatforms } from "../../src/builder/platform.js";

describe("checkPlatform", () => {
  it.each([
    "linux/amd64",
    "linux/arm64",
    "linux/arm64/v8",
    "linux/arm/v7",
    "linux/arm/v6",
    "linux/386",
    "linux/ppc64le",
    "linux/s390x",
    "linux/riscv64",
    "linux/mips64le",
    "windows/amd64",
    "linux/amd64/v3",
  ])("accepts %s", (entry) => {
    expect(checkPlatform(entry)).toBe(entry);
  });

  it.each([
    ["linux/bogus", 'names an unknown architecture "bogus"'],
    ["linux/x86_64", 'names the architecture "x86_64", which images call "amd64": write linux/amd64'],
    ["linux/aarch64", `names the architecture "aarch64", which images call "arm64": write linux/arm64`],
    ["bogus/amd64", 'names an unknown operating system "bogus"'],
    ["linux", "is not os/arch[/variant]"],
    ["linux/amd64/v3/x", "is not os/arch[/variant]"],
    ["linux//v7", "is not os/arch[/variant]"],
    ["linux/arm/v9", 'gives an unknown arm variant "v9" (known: v5, v6, v7, v8)'],
    ["linux/s390x/v1", 'gives the variant "v1", but s390x has none'],
    ["linux/constructor", 'names an unknown architecture "constructor"'],
  ])("refuses %s, naming the input, the entry and the valid forms", (entry, why) => {
    const error = (() => {
      try {
        checkPlatform(entry);
      } catch (caught) {
        return caught as { message: string; hint: string };
      }
      throw new Error("accepted");
    })();
    expect(error.message).toContain(`input 'platforms': ${JSON.stringify(entry)} ${why}`);
    expect(error.hint).toContain("os/arch[/variant], e.g. linux/amd64, linux/arm64, linux/arm/v7");
  });

  it("lowercases and drops duplicates, keeping the order", () => {
    expect(checkPlatforms(["Linux/ARM64", "linux/amd64", "linux/arm64"])).toEqual([
      "linux/arm64",
      "linux/amd64",
    ]);
  });
});
