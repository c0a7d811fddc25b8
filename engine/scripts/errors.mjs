// Writes engine/ERRORS.md from the built catalogue (run through `pnpm --filter @stagecraft/engine errors`).
import { writeFileSync } from "node:fs";
import { renderErrorCatalogue } from "../dist/error-catalogue.js";

writeFileSync(new URL("../ERRORS.md", import.meta.url), renderErrorCatalogue());
console.log("engine/ERRORS.md written");
