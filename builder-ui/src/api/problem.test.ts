import { describe, expect, it } from "vitest";
import { createApi } from "./client.js";
import { ApiError } from "./problem.js";

function answering(status: number, body: unknown) {
  return createApi(() =>
    Promise.resolve(
      new Response(body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body), {
        status,
      }),
    ),
  );
}

describe("API errors", () => {
  it("reads problem+json with every field error", async () => {
    const api = answering(422, {
      title: "Unprocessable Content",
      status: 422,
      detail: "the record has 2 invalid fields",
      errors: [
        { path: "/data/amount", code: "minimum", message: "must be at least 0", params: { limit: 0 } },
        { path: "/data/name", code: "required", message: "is required" },
        "not an item",
      ],
    });
    const error = await api.createRecord("a", "f", {}).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ApiError);
    if (!(error instanceof ApiError)) return;
    expect(error.status).toBe(422);
    expect(error.message).toBe("the record has 2 invalid fields");
    expect(error.errors).toEqual([
      { path: "/data/amount", code: "minimum", message: "must be at least 0", params: { limit: 0 } },
      { path: "/data/name", code: "required", message: "is required" },
    ]);
  });

  it("turns a non-JSON failure and a network failure into ApiErrors too", async () => {
    const html = await answering(502, "<html>bad gateway</html>")
      .apps()
      .catch((failure: unknown) => failure);
    expect(html).toBeInstanceOf(ApiError);
    const offline = createApi(() => Promise.reject(new TypeError("Failed to fetch")));
    const error = await offline.apps().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ApiError);
    if (error instanceof ApiError) expect([error.status, error.message]).toEqual([0, "Failed to fetch"]);
  });

  it("answers 202 of a transition as waiting for approval", async () => {
    const api = answering(202, { approvalId: "ap1", status: "approval_required" });
    expect(await api.transition("a", "f", "r", 3, "won")).toEqual({ kind: "pending", approvalId: "ap1" });
  });
});
