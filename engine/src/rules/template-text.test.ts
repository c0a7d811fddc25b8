import { describe, expect, it } from "vitest";
import { renderI18n, renderTemplate } from "./template-text.js";

describe("renderTemplate", () => {
  const data = {
    name: "Acme",
    amount: 12.5,
    won: true,
    tags: ["a", null, 2],
    address: { city: "SH" },
    empty: null,
  };

  it("replaces own keys by their values and leaves the rest empty", () => {
    expect(renderTemplate("{{name}} / {{ amount }} / {{won}} / {{tags}}", data)).toBe(
      "Acme / 12.5 / true / a, 2",
    );
    expect(renderTemplate("[{{address}}][{{empty}}][{{missing}}][{{toString}}][{{}}]", data)).toBe(
      "[][][][][]",
    );
  });

  it("never evaluates anything and leaves unclosed braces alone", () => {
    expect(renderTemplate("{{name.length}}|{{ 1+1 }}|{{ a b }}|{name}|{{name", data)).toBe(
      "||{{ a b }}|{name}|{{name",
    );
  });

  it("renders both languages", () => {
    expect(renderI18n({ zh: "客户 {{name}}", en: "Customer {{name}}" }, data)).toEqual({
      zh: "客户 Acme",
      en: "Customer Acme",
    });
  });
});
