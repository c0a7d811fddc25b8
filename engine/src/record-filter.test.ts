import { describe, expect, it } from "vitest";
import { dateIn, resolveFilter } from "./record-filter.js";
import { expressionData, type RecordState } from "./record-state.js";

const record: RecordState = {
  id: "r1",
  formId: "deal",
  stage: "proposal",
  ownerId: "u1",
  data: { region: "east", amount: 10 },
  createdAt: "2026-11-01T00:00:00.000Z",
};

describe("resolveFilter", () => {
  it("replaces this-values and today, keeps literals and valueless operators", () => {
    const resolved = resolveFilter(
      [
        { field: "region", op: "eq", value: { this: "region" } },
        { field: "_owner", op: "in", value: [{ this: "_owner" }, "u2"] },
        { field: "close_date", op: "lte", value: { today: true } },
        { field: "missing_here", op: "eq", value: { this: "nope" } },
        { field: "notes", op: "is_set" },
      ],
      record,
      "2026-11-23T20:00:00Z",
      "Asia/Shanghai",
    );
    expect(resolved).toEqual([
      { field: "region", op: "eq", value: "east" },
      { field: "_owner", op: "in", value: ["u1", "u2"] },
      { field: "close_date", op: "lte", value: "2026-11-24" },
      { field: "missing_here", op: "eq", value: null },
      { field: "notes", op: "is_set" },
    ]);
  });

  it("works without a current record", () => {
    expect(
      resolveFilter(
        [{ field: "x", op: "eq", value: { this: "x" } }],
        undefined,
        "2026-01-01T00:00:00Z",
        "UTC",
      ),
    ).toEqual([{ field: "x", op: "eq", value: null }]);
  });

  it("formats the date in the given time zone", () => {
    expect(dateIn("2026-12-31T18:00:00Z", "Asia/Shanghai")).toBe("2027-01-01");
    expect(dateIn("2026-12-31T18:00:00Z", "UTC")).toBe("2026-12-31");
    expect(dateIn("0050-06-01T00:00:00Z", "UTC")).toBe("0050-06-01");
  });

  it("pads years to four digits and throws RangeError for an unknown zone or an invalid instant", () => {
    expect(dateIn("9999-12-31T20:00:00Z", "Asia/Shanghai")).toBe("10000-01-01");
    expect(() => dateIn("2026-12-31T18:00:00Z", "Mars/Olympus")).toThrow(RangeError);
    expect(() => dateIn("yesterday", "UTC")).toThrow(RangeError);
  });
});

describe("expressionData", () => {
  it("exposes fields and system columns, with null for unknown system values", () => {
    const data = expressionData(record);
    expect(data["amount"]).toBe(10);
    expect(data["_stage"]).toBe("proposal");
    expect(data["_owner"]).toBe("u1");
    expect(data["_closed_at"]).toBeNull();
    expect(Object.getPrototypeOf(data)).toBeNull();
    const bare = expressionData({ id: "r2", formId: "f", data: {} });
    expect(bare["_stage"]).toBeNull();
    expect(bare["_owner"]).toBeNull();
  });
});
