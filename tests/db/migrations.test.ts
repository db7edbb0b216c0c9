import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

const dirs = (provider: string) =>
  readdirSync(`prisma/${provider}/migrations`, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

describe("migrations", () => {
  it("were written for the current models (run scripts/db-new-migration.sh after a model change)", () => {
    expect(readFileSync("prisma/migrations-snapshot.prisma", "utf8")).toBe(
      readFileSync("prisma/models.prisma", "utf8"),
    );
  });

  it("exist with the same names for SQLite and PostgreSQL", () => {
    expect(dirs("sqlite").length).toBeGreaterThan(0);
    expect(dirs("sqlite")).toEqual(dirs("postgres"));
  });
});
