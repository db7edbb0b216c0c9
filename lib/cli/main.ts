// `strongbox`: acts as the account's root user on the configured database, with the AWS CLI's
// command names, flags, JSON output and exit codes (252 usage, 254 service error).
import { isAwsError } from "../errors";
import { UsageError, formatOutput, parseOperationArgs } from "./args";
import type { CliCommand } from "./secretsmanager";

const USAGE = `usage: strongbox <command> [<subcommand>] [options]

  init --root-email EMAIL --root-password PASSWORD   create the root user (migrates first)
  db migrate                                         apply pending database migrations
  secretsmanager <command> [options]                 e.g. create-secret, get-secret-value, list-secrets
  lambda <command> [options]                         rotation functions: create-function --template ..., list-functions
  worker [--once] [--interval-ms N]                  rotate secrets on schedule (as the server does)
  iam simulate-custom-policy [options]               AWS's SimulateCustomPolicy (--jsonl for bulk)
  iam validate-policy | accessanalyzer validate-policy   Access Analyzer findings for a policy
  iam <command> [options]                            e.g. create-user, attach-user-policy, create-access-key
  demo reset [--force]                               rebuild the deterministic demo account (demo databases only)
  purge-deleted-secrets                              purge secrets whose recovery window has ended

Environment: DATABASE_URL (default file:.data/strongbox.db), STRONGBOX_DATA_DIR, STRONGBOX_MASTER_KEY,
STRONGBOX_ACCOUNT_ID, STRONGBOX_REGION.
`;

const EXIT_USAGE = 252;
const EXIT_SERVICE = 254;

function operationName(command: string): string {
  return command
    .split("-")
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join("");
}

async function rootCaller() {
  const { getRuntime } = await import("../ops/runtime");
  const { rootPrincipal } = await import("../ops/caller");
  const rt = await getRuntime();
  return { principal: rootPrincipal(rt.accountId), via: "cli" as const };
}

async function prepare() {
  const { prepareDatabase } = await import("../ops/setup");
  return prepareDatabase();
}

async function runOperation(
  service: string,
  commands: Record<string, CliCommand>,
  command: string | undefined,
  argv: string[],
): Promise<number> {
  const spec = command ? commands[command] : undefined;
  if (!spec) {
    throw new UsageError(
      `Invalid choice: '${command ?? ""}' for ${service}, valid choices are:\n  ${Object.keys(commands).sort().join("\n  ")}`,
    );
  }
  const { input } = parseOperationArgs(argv, spec.params);
  try {
    const caller = await rootCaller();
    const output = await spec.op(caller as never, input as never);
    if (output && Object.keys(output as object).length > 0) {
      process.stdout.write(formatOutput(output) + "\n");
    }
    return 0;
  } catch (error) {
    if (!isAwsError(error)) throw error;
    process.stderr.write(
      `\nAn error occurred (${error.code}) when calling the ${operationName(command!)} operation: ${error.message}\n`,
    );
    return EXIT_SERVICE;
  }
}

async function run(argv: string[]): Promise<number> {
  const [service, command, ...rest] = argv;
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  if (!service || service === "help" || service === "--help") {
    process.stdout.write(USAGE);
    return service ? 0 : EXIT_USAGE;
  }
  if (service === "iam" || service === "accessanalyzer") {
    const cli = await import("../iam/simulate/cli");
    if (service === "iam" && command === "simulate-custom-policy") return cli.simulateCli(rest, io);
    if (command === "validate-policy") return cli.validatePolicyCommand(rest, io);
    if (service === "iam") {
      const { iamCommands } = await import("./iam");
      return runOperation("iam", iamCommands, command, rest);
    }
    throw new UsageError(`Invalid choice: '${command}'`);
  }
  if (service === "db") {
    if (command !== "migrate") throw new UsageError("usage: strongbox db migrate");
    const prepared = await prepare();
    process.stdout.write(
      formatOutput({
        AppliedMigrations: prepared.migrations,
        LoadedManagedPolicies: prepared.managedPolicies,
      }) + "\n",
    );
    return 0;
  }
  if (service === "init") {
    const { input } = parseOperationArgs(
      [command, ...rest].filter((a) => a !== undefined),
      {
        "root-email": { name: "email", type: "string" },
        "root-password": { name: "password", type: "string" },
      },
    );
    if (typeof input.email !== "string" || typeof input.password !== "string") {
      throw new UsageError("usage: strongbox init --root-email EMAIL --root-password PASSWORD");
    }
    await prepare();
    const { initRootUser, getAccountStatus } = await import("../ops/account");
    const principal = await initRootUser({ email: input.email, password: input.password });
    const status = await getAccountStatus();
    process.stdout.write(
      formatOutput({ Account: status.accountId, Region: status.region, Arn: principal.arn }) + "\n",
    );
    return 0;
  }
  if (service === "demo") {
    if (command !== "reset") throw new UsageError("usage: strongbox demo reset [--force]");
    await prepare();
    const { resetDemo, DemoRefused } = await import("../demo/reset");
    try {
      const result = await resetDemo({ force: rest.includes("--force") });
      process.stdout.write(formatOutput(result) + "\n");
      return 0;
    } catch (error) {
      if (error instanceof DemoRefused) {
        process.stderr.write(`${error.message}\n`);
        return EXIT_USAGE;
      }
      throw error;
    }
  }
  if (service === "purge-deleted-secrets") {
    const { getRuntime } = await import("../ops/runtime");
    const { purgeDeletedSecrets } = await import("../ops/secretsmanager");
    const purged = await purgeDeletedSecrets(await getRuntime());
    process.stdout.write(formatOutput({ PurgedSecrets: purged }) + "\n");
    return 0;
  }
  if (service === "lambda") {
    const { lambdaCommands } = await import("./lambda");
    return runOperation("lambda", lambdaCommands, command, rest);
  }
  if (service === "worker") {
    const { runWorker } = await import("../rotation/worker");
    return runWorker([command, ...rest].filter((a) => a !== undefined));
  }
  if (service === "secretsmanager") {
    const { secretsmanagerCommands } = await import("./secretsmanager");
    return runOperation("secretsmanager", secretsmanagerCommands, command, rest);
  }
  throw new UsageError(`Invalid choice: '${service}'\n\n${USAGE}`);
}

export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    if (error instanceof UsageError || error instanceof SyntaxError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT_USAGE;
    }
    if (isAwsError(error)) {
      process.stderr.write(`\nAn error occurred (${error.code}): ${error.message}\n`);
      return EXIT_SERVICE;
    }
    throw error;
  } finally {
    const { flushAudit } = await import("../ops/operation");
    await flushAudit();
  }
}

process.exitCode = await main(process.argv.slice(2));
process.exit();
