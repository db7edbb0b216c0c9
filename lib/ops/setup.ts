// Getting a database ready: migrations, then the AWS managed policies (loaded once per package
// version). `npm start`, `strongbox init` and `strongbox db migrate` all call this.
import { createDb } from "../db/client";
import { migrate } from "../db/migrate";
import { databaseConfig, type DatabaseConfig } from "../config";
import { syncAwsManagedPolicies } from "./iam/managed-policies";

export async function prepareDatabase(
  config: DatabaseConfig = databaseConfig(),
): Promise<{ migrations: string[]; managedPolicies: number }> {
  const migrations = await migrate(config);
  const db = createDb(config);
  try {
    const managedPolicies = await syncAwsManagedPolicies(db);
    return { migrations, managedPolicies };
  } finally {
    await db.$disconnect();
  }
}
