import { describe, expect, test } from "vitest";
import { compileForm } from "./compile-form.js";
import { submit } from "./submit.js";
import { ctx, field, form, isAbsent, issuesOf, label, stored, submitOne } from "./test-forms.js";

describe("text and textarea", () => {
  const text = field("text", "name", { minLength: 2, maxLength: 5 });

  test("trims, and an empty or blank string is absent", () => {
    expect(stored(text, "  Bob ")).toBe("Bob");
    expect(isAbsent(text, "")).toBe(true);
    expect(isAbsent(text, "   ")).toBe(true);
  });

  test("refuses non-strings", () => {
    expect(issuesOf(text, 12)).toEqual(["/name type"]);
    expect(issuesOf(text, ["a"])).toEqual(["/name type"]);
  });

  test("min_length and max_length count characters, not UTF-16 units", () => {
    expect(issuesOf(text, "a")).toEqual(["/name min_length"]);
    expect(issuesOf(text, "abcdef")).toEqual(["/name max_length"]);
    expect(stored(text, "😀😀😀😀😀")).toBe("😀😀😀😀😀");
    expect(issuesOf(text, "😀")).toEqual(["/name min_length"]);
    expect(issuesOf(text, "😀😀😀😀😀😀")).toEqual(["/name max_length"]);
    // A lone surrogate counts as one character.
    expect(stored(text, "\ud800\ud800")).toBe("\ud800\ud800");
    expect(stored(text, "ab\ud800")).toBe("ab\ud800");
  });

  test("the issue carries the limit", () => {
    const result = submitOne(text, "a");
    expect(result.ok ? [] : result.errors).toEqual([
      { path: "/name", code: "min_length", message: "must be at least 2 characters", params: { limit: 2 } },
    ]);
  });

  test("without maxLength the global text limit applies", () => {
    const plain = field("textarea", "notes");
    expect(stored(plain, "x".repeat(100_000))).toHaveLength(100_000);
    expect(issuesOf(plain, "x".repeat(100_001))).toEqual(["/notes max_length"]);
  });

  test("pattern (RE2) with the field's message", () => {
    const code = field("text", "code", { pattern: "^[A-Z]{3}-\\d+$", patternMessage: label("like ABC-1") });
    expect(stored(code, " ABC-12 ")).toBe("ABC-12");
    const result = submitOne(code, "abc");
    expect(result.ok ? [] : result.errors).toEqual([
      {
        path: "/code",
        code: "pattern",
        message: "like ABC-1",
        params: { pattern: "^[A-Z]{3}-\\d+$", patternMessage: label("like ABC-1") },
      },
    ]);
    const bare = field("text", "code", { pattern: "^x" });
    const bareResult = submitOne(bare, "y");
    expect(bareResult.ok ? [] : bareResult.errors[0]?.params).toEqual({ pattern: "^x" });
  });

  test("a catastrophic-backtracking pattern runs in linear time", () => {
    const evil = field("text", "evil", { pattern: "(a+)+$", maxLength: 100_000 });
    const input = `${"a".repeat(30_000)}!`;
    const started = performance.now();
    // No run of a's reaches the end: a backtracking engine would try 2^30000 splits.
    expect(issuesOf(evil, input)).toEqual(["/evil pattern"]);
    expect(issuesOf(evil, "a".repeat(30_000))).toEqual([]);
    // A bound that only a hang misses: a busy CI machine must not make it fail.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test("an invalid pattern is a compile error", () => {
    expect(() => compileForm(form([field("text", "bad", { pattern: "(" })]))).toThrow(
      expect.objectContaining({ code: "FORM_BAD_PATTERN", path: "/fields/0" }),
    );
  });

  test("a too-long value is reported once, without running the pattern", () => {
    const short = field("text", "code", { pattern: "^z", maxLength: 2 });
    expect(issuesOf(short, "abc")).toEqual(["/code max_length"]);
    expect(issuesOf(field("text", "code", { pattern: "^z", minLength: 3 }), "ab")).toEqual([
      "/code min_length",
      "/code pattern",
    ]);
  });
});

describe("phone, email, url", () => {
  const phone = field("phone", "phone");
  const email = field("email", "email");
  const url = field("url", "site");

  test("phone numbers", () => {
    expect(stored(phone, " +86 (10) 1234-5678 ")).toBe("+86 (10) 1234-5678");
    expect(issuesOf(phone, "1234")).toEqual(["/phone format"]);
    expect(issuesOf(phone, "12a45")).toEqual(["/phone format"]);
    expect(issuesOf(phone, "1".repeat(21))).toEqual(["/phone format"]);
    expect(issuesOf(phone, "1".repeat(65))).toEqual(["/phone max_length"]);
    expect(issuesOf(phone, 13800138000)).toEqual(["/phone type"]);
    expect(isAbsent(phone, " ")).toBe(true);
  });

  test("email addresses", () => {
    expect(stored(email, "li.lei@example.com.cn")).toBe("li.lei@example.com.cn");
    for (const bad of [
      "li",
      "li@example",
      "@example.com",
      "a b@example.com",
      "a@b@example.com",
      "a@.com",
      "a@x..com",
    ]) {
      expect(issuesOf(email, bad)).toEqual(["/email format"]);
    }
    expect(issuesOf(email, `${"a".repeat(250)}@x.io`)).toEqual(["/email max_length"]);
  });

  test("email checking stays linear on adversarial input", () => {
    const started = performance.now();
    expect(issuesOf(email, `a@${"b.".repeat(120)}`)).toEqual(["/email format"]);
    // Backtracking over 120 repeats would take longer than any machine runs; linear takes microseconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test("http(s) addresses", () => {
    expect(stored(url, "https://example.com/a?b=1")).toBe("https://example.com/a?b=1");
    expect(stored(url, "http://localhost:8080")).toBe("http://localhost:8080");
    expect(issuesOf(url, "ftp://example.com")).toEqual(["/site format"]);
    expect(issuesOf(url, "javascript:alert(1)")).toEqual(["/site format"]);
    expect(issuesOf(url, "not a url")).toEqual(["/site format"]);
    expect(issuesOf(url, `https://x.io/${"a".repeat(2048)}`)).toEqual(["/site max_length"]);
  });
});

describe("signature", () => {
  const signature = field("signature", "sign");

  test("an image data URL or a stored id", () => {
    expect(stored(signature, "data:image/png;base64,iVBORw0KGgo=")).toBe(
      "data:image/png;base64,iVBORw0KGgo=",
    );
    expect(stored(signature, "sig_123:abc")).toBe("sig_123:abc");
  });

  test("anything else is refused", () => {
    expect(issuesOf(signature, "data:text/html;base64,PGI+")).toEqual(["/sign format"]);
    expect(issuesOf(signature, "not an id")).toEqual(["/sign format"]);
    expect(issuesOf(signature, { id: "x" })).toEqual(["/sign type"]);
  });

  test("at most 500 KB", () => {
    const big = `data:image/png;base64,${"A".repeat(500 * 1024)}`;
    expect(issuesOf(signature, big)).toEqual(["/sign max_length"]);
    const fits = `data:image/png;base64,${"A".repeat(500 * 1024 - 30)}`;
    expect(submit(compileForm(form([signature])), { sign: fits }, ctx).ok).toBe(true);
  });
});
