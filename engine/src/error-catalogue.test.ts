import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENGINE_ERROR_CATALOGUE, renderErrorCatalogue } from "./error-catalogue.js";

describe("engine error catalogue", () => {
  it("matches ERRORS.md (run pnpm --filter @stagecraft/engine errors after changing a code)", () => {
    const onDisk = readFileSync(new URL("../ERRORS.md", import.meta.url), "utf8");
    expect(onDisk).toBe(renderErrorCatalogue());
  });

  it("has no code in two families and no code without a meaning", () => {
    const all = ENGINE_ERROR_CATALOGUE.flatMap((f) => Object.keys(f.codes));
    expect(new Set(all).size).toBe(all.length);
    for (const family of ENGINE_ERROR_CATALOGUE) {
      for (const meaning of Object.values(family.codes)) expect(meaning.length).toBeGreaterThan(10);
    }
  });
});
