import { describe, expect, test } from "vitest";
import { field, isAbsent, issuesOf, stored } from "./test-forms.js";

describe("file and image", () => {
  const files = field("file", "docs", {
    maxFiles: 2,
    maxSizeMb: 1,
    accept: [".pdf", "application/msword", "text/*"],
  });
  const pdf = {
    id: "f1",
    name: "Plan.PDF",
    size: 1000,
    mime: "application/pdf",
    url: "https://cdn.example/f1",
  };

  test("an array of file objects, copied with their known keys", () => {
    expect(stored(files, [pdf])).toEqual([pdf]);
    expect(stored(files, [{ id: "f2", name: "a.doc", mime: "application/msword" }])).toEqual([
      { id: "f2", name: "a.doc", mime: "application/msword" },
    ]);
    expect(stored(files, [{ id: "f3", name: "notes", mime: "text/plain" }])).toEqual([
      { id: "f3", name: "notes", mime: "text/plain" },
    ]);
    expect(isAbsent(files, [])).toBe(true);
  });

  test("shape problems are reported per property", () => {
    expect(issuesOf(files, "f1")).toEqual(["/docs type"]);
    expect(issuesOf(files, ["f1"])).toEqual(["/docs/0 type"]);
    expect(issuesOf(files, [{ name: "", size: -1, mime: 3, url: "", extra: 1, "a/b": 2 }])).toEqual([
      "/docs/0/extra unknown_field",
      "/docs/0/a~1b unknown_field",
      "/docs/0/id type",
      "/docs/0/name type",
      "/docs/0/size type",
      "/docs/0/mime type",
      "/docs/0/url type",
    ]);
    expect(issuesOf(files, [JSON.parse('{"id":"f","name":"a.pdf","__proto__":{"x":1}}')])).toEqual([
      "/docs/0/__proto__ forbidden_key",
    ]);
  });

  test("maxFiles, maxSizeMb and accept", () => {
    expect(issuesOf(files, [pdf, pdf, pdf])).toEqual(["/docs max_items"]);
    expect(issuesOf(files, [{ ...pdf, size: 2 * 1024 * 1024 }])).toEqual(["/docs/0/size maximum"]);
    expect(issuesOf(files, [{ id: "x", name: "a.exe", mime: "application/x-msdownload" }])).toEqual([
      "/docs/0 file_type",
    ]);
    expect(issuesOf(files, [{ id: "x", name: "a.exe" }])).toEqual(["/docs/0 file_type"]);
    expect(
      issuesOf(
        field("file", "any"),
        Array.from({ length: 51 }, () => pdf),
      ),
    ).toEqual(["/any max_items"]);
    expect(stored(field("file", "any"), [{ id: "x", name: "a.exe" }])).toEqual([{ id: "x", name: "a.exe" }]);
  });

  test("an image field accepts images only", () => {
    const photo = field("image", "photo");
    expect(stored(photo, [{ id: "i", name: "a.JPG" }])).toEqual([{ id: "i", name: "a.JPG" }]);
    expect(stored(photo, [{ id: "i", name: "blob", mime: "image/heic" }])).toEqual([
      { id: "i", name: "blob", mime: "image/heic" },
    ]);
    expect(issuesOf(photo, [{ id: "i", name: "a.pdf", mime: "application/pdf" }])).toEqual([
      "/photo/0 file_type",
    ]);
  });
});

describe("address", () => {
  const address = field("address", "addr", { detailRequired: true });

  test("trimmed parts; all empty is absent", () => {
    expect(
      stored(address, { province: " 广东 ", city: "深圳", detail: "科技园 1 号", district: null }),
    ).toEqual({
      province: "广东",
      city: "深圳",
      detail: "科技园 1 号",
    });
    expect(isAbsent(address, { province: " ", city: "" })).toBe(true);
    expect(stored(field("address", "addr"), { city: "深圳" })).toEqual({ city: "深圳" });
  });

  test("detailRequired, types, lengths and keys", () => {
    expect(issuesOf(address, { city: "深圳" })).toEqual(["/addr/detail required"]);
    expect(issuesOf(address, "深圳")).toEqual(["/addr type"]);
    expect(issuesOf(address, [])).toEqual(["/addr type"]);
    expect(issuesOf(address, { city: 1, detail: "x".repeat(501), zip: "1", "~": 1 })).toEqual([
      "/addr/zip unknown_field",
      "/addr/~0 unknown_field",
      "/addr/city type",
      "/addr/detail max_length",
    ]);
    expect(issuesOf(address, JSON.parse('{"detail":"x","constructor":1}'))).toEqual([
      "/addr/constructor forbidden_key",
    ]);
  });
});
