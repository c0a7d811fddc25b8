// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { importX } from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

const nodeIo = [
  "fs",
  "fs/promises",
  "net",
  "http",
  "https",
  "child_process",
  "worker_threads",
  "dns",
  "os",
  "path",
  "crypto",
  "process",
  "timers",
];

export default tseslint.config(
  {
    ignores: ["**/dist/**", "**/coverage/**", "**/node_modules/**", ".data/**", "**/*.d.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [
        createTypeScriptImportResolver({
          project: ["*/tsconfig.json"],
          noWarnOnMultipleProjects: true,
          conditionNames: ["@stagecraft/source", "types", "import", "default"],
        }),
      ],
    },
    rules: {
      "import-x/no-cycle": "error",
      "no-eval": "error",
      "no-implied-eval": "off",
      "@typescript-eslint/no-implied-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    // The engine is pure: no web framework, database, UI or Node I/O.
    files: ["engine/src/**/*.ts"],
    ignores: ["engine/src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...nodeIo.map((name) => ({ name, message: "engine is pure: no Node I/O" })),
            { name: "fastify", message: "engine is pure: no web framework" },
            { name: "kysely", message: "engine is pure: no database" },
            { name: "pg", message: "engine is pure: no database" },
            { name: "react", message: "engine is pure: no UI" },
            { name: "react-dom", message: "engine is pure: no UI" },
          ],
          patterns: [
            { group: ["node:*"], message: "engine is pure: no Node I/O" },
            {
              group: ["@fastify/*", "kysely*", "pg-*", "@electric-sql/*", "react-dom/*"],
              message: "engine is pure",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "process", message: "engine is pure: the caller passes configuration" },
        { name: "setTimeout", message: "engine is pure: no timers" },
        { name: "fetch", message: "engine is pure: no I/O" },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "engine is pure: the caller passes the time" },
        { object: "Math", property: "random", message: "engine is pure: the caller passes randomness" },
      ],
    },
  },
  {
    files: ["**/*.test.ts", "**/bench/**", "tests/**", "scripts/**"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { console: "readonly", process: "readonly", URL: "readonly" },
    },
  },
);
