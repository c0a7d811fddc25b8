// Set-up of every test file (vitest.config.ts); it acts in the UI's DOM tests only.
import { afterAll } from "vitest";

if (typeof window !== "undefined") {
  // React runs a commit's effects from a task of its scheduler (a Node setImmediate), which
  // outlives the DOM: a state update landing as a test ends (a submit settling, say) leaves such a
  // task behind, and it reads `window` after the DOM environment has been torn down. Unmount what
  // is left, then let the scheduler finish while the DOM is still there.
  afterAll(async () => {
    const { cleanup } = await import("@testing-library/react");
    cleanup();
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
}
