import { describe, expect, it } from "vitest";
import { HttpProblem } from "../problem.js";
import { decodeCursor, encodeCursor } from "./list-cursor.js";
import { parseListQuery } from "./list-query.js";
import { containsPattern } from "./list-records.js";

function problemPaths(query: Record<string, unknown>): string[] {
  try {
    parseListQuery(query, "me-id");
  } catch (error) {
    if (error instanceof HttpProblem) return error.errors.map((e) => e.path);
    throw error;
  }
  return [];
}

describe("record list queries", () => {
  it("has defaults, and reads owner=me as the caller", () => {
    expect(parseListQuery({}, "u1")).toEqual({ sort: "-createdAt", limit: 50 });
    expect(
      parseListQuery({ owner: "me", stage: "won", q: "acme", sort: "updatedAt", limit: "500" }, "u1"),
    ).toEqual({
      ownerId: "u1",
      stage: "won",
      q: "acme",
      sort: "updatedAt",
      limit: 500,
    });
    expect(parseListQuery({ owner: "u2", stage: "", q: "", later: "true" }, "u1")).toEqual({
      ownerId: "u2",
      sort: "-createdAt",
      limit: 50,
    });
  });

  it("reads the SLA overdue filter as true or false", () => {
    expect(parseListQuery({ overdue: "true" }, "u1")).toMatchObject({ overdue: true });
    expect(parseListQuery({ overdue: "false" }, "u1")).toMatchObject({ overdue: false });
    expect(problemPaths({ overdue: "1" })).toEqual(["/query/overdue"]);
  });

  it("names every bad parameter under /query", () => {
    expect(problemPaths({ limit: "501" })).toEqual(["/query/limit"]);
    expect(problemPaths({ limit: "0" })).toEqual(["/query/limit"]);
    expect(problemPaths({ limit: "2.5" })).toEqual(["/query/limit"]);
    expect(problemPaths({ limit: "-1" })).toEqual(["/query/limit"]);
    expect(problemPaths({ sort: "title" })).toEqual(["/query/sort"]);
    expect(problemPaths({ stage: ["a", "b"], q: "x".repeat(201), cursor: "%%" })).toEqual([
      "/query/stage",
      "/query/q",
      "/query/cursor",
    ]);
    const cursor = encodeCursor({ sort: "-createdAt", key: 1_795_424_400_000_000, id: "r1" });
    expect(problemPaths({ sort: "createdAt", cursor })).toEqual(["/query/cursor"]);
    expect(problemPaths({ cursor })).toEqual([]);
  });
});

describe("list cursors", () => {
  it("round-trip, and refuse anything that is not one", () => {
    const cursor = { sort: "updatedAt", key: 1_795_424_400_123_456, id: "abc" } as const;
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ ...cursor, key: -1 }))?.key).toBe(-1);
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    expect(decodeCursor(encode(["updatedAt", "2026-11-23T09:00:00Z", "abc"]))).toBeUndefined();
    expect(decodeCursor(encode(["updatedAt", 1.5, "abc"]))).toBeUndefined();
    expect(decodeCursor(encode(["updatedAt", 2 ** 60, "abc"]))).toBeUndefined();
    expect(decodeCursor(encode(["title", 1, "abc"]))).toBeUndefined();
    expect(decodeCursor(encode(["updatedAt", 1, ""]))).toBeUndefined();
    expect(decodeCursor(encode(["updatedAt", 1, 7]))).toBeUndefined();
    expect(decodeCursor(encode({ sort: "updatedAt" }))).toBeUndefined();
    expect(decodeCursor(Buffer.from("not json").toString("base64url"))).toBeUndefined();
    expect(decodeCursor("a".repeat(401))).toBeUndefined();
    expect(decodeCursor("has space")).toBeUndefined();
  });
});

describe("containsPattern", () => {
  it("escapes LIKE wildcards and the escape character", () => {
    expect(containsPattern("acme")).toBe("%acme%");
    expect(containsPattern("100%_off\\")).toBe("%100\\%\\_off\\\\%");
  });
});
