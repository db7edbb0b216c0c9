import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    // The engine is pure: it runs on the server, in the CLI and in the browser's policy editor.
    files: ["lib/iam/**/*.ts"],
    ignores: [
      "lib/iam/**/load.ts",
      "lib/iam/**/*.test.ts",
      "lib/iam/simulate/**",
      "lib/iam/managed/**",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "react", "react-dom", "@prisma/*", "*/db/*", "@/lib/db/*"],
              message: "lib/iam is pure: no Next, React or Prisma.",
            },
          ],
        },
      ],
    },
  },
  {
    // One door: the UI reaches data only through lib/ops.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@prisma/*", "@/lib/db/*", "**/lib/db/*"],
              message: "Pages and components call lib/ops, never the database.",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "test-results*/**",
    "node_modules/**",
    ".data/**",
    "lib/db/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "**/*.tmp.*",
  ]),
]);
