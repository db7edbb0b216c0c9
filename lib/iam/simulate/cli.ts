/**
 * Server only: the command lines `strongbox iam simulate-custom-policy` and
 * `strongbox accessanalyzer validate-policy` (alias `iam validate-policy`), in the AWS CLI's
 * manner: `--cli-input-json file://req.json` or one flag per request field, JSON out.
 * `--jsonl` reads one request per line (from the file given, or stdin) and writes one response
 * per line. Wiring is one line: `process.exitCode = await simulateCli(argv, process)`.
 */
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { isAwsError } from "@/lib/errors";
import { loadCatalog } from "../catalog/load";
import { validatePolicyCli } from "../validate/validate-policy-cli";
import { runSimulateJsonl } from "./jsonl";
import { runSimulateJsonlParallel } from "./parallel";
import { simulateCustomPolicy } from "./simulate-custom-policy";
import type { ContextEntryInput, SimulateCustomPolicyRequest } from "./types";

export interface CliWritable {
  write(chunk: string): unknown;
  once?(event: "drain", listener: () => void): unknown;
}

export interface CliIo {
  stdin: AsyncIterable<string | Uint8Array>;
  stdout: CliWritable;
  stderr?: CliWritable;
}

/** The AWS CLI's exit codes: 252 for a command-line problem, 254 for an error from the service. */
export const EXIT_USAGE = 252;
export const EXIT_SERVICE_ERROR = 254;
export const EXIT_OTHER = 255;

class UsageError extends Error {}

interface ParsedArgs {
  flags: Map<string, string[]>;
  switches: Set<string>;
}

const SWITCHES = new Set(["--jsonl", "--help"]);

function parseArgs(argv: string[]): ParsedArgs {
  const flags = new Map<string, string[]>();
  const switches = new Set<string>();
  let current: string | undefined;
  for (const arg of argv) {
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (SWITCHES.has(name)) {
        switches.add(name);
        current = undefined;
        continue;
      }
      current = name;
      if (!flags.has(name)) flags.set(name, []);
      if (eq > 0) flags.get(name)!.push(arg.slice(eq + 1));
      continue;
    }
    if (!current) throw new UsageError(`Unknown option: ${arg}`);
    flags.get(current)!.push(arg);
  }
  return { flags, switches };
}

/** `file://path` reads the file (as the AWS CLI does); anything else is the value itself. */
async function valueOf(text: string): Promise<string> {
  const prefix = text.startsWith("file://")
    ? "file://"
    : text.startsWith("fileb://")
      ? "fileb://"
      : "";
  if (!prefix) return text;
  try {
    return await readFile(text.slice(prefix.length), "utf8");
  } catch (error) {
    throw new UsageError(`Unable to load paramfile ${text}: ${(error as Error).message}`);
  }
}

function one(args: ParsedArgs, name: string): string | undefined {
  const values = args.flags.get(name);
  if (!values) return undefined;
  if (values.length !== 1) throw new UsageError(`${name} takes one value`);
  return values[0];
}

function parseJsonArg(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${name}: not valid JSON`);
  }
}

async function requestFromFlags(args: ParsedArgs): Promise<SimulateCustomPolicyRequest> {
  const input = one(args, "--cli-input-json");
  const request = (input ? parseJsonArg(await valueOf(input), "--cli-input-json") : {}) as Record<
    string,
    unknown
  >;
  const list = async (flag: string, field: string) => {
    const values = args.flags.get(flag);
    if (values) request[field] = await Promise.all(values.map(valueOf));
  };
  const single = async (flag: string, field: string) => {
    const value = one(args, flag);
    if (value !== undefined) request[field] = await valueOf(value);
  };
  await list("--policy-input-list", "PolicyInputList");
  await list("--permissions-boundary-policy-input-list", "PermissionsBoundaryPolicyInputList");
  await list("--action-names", "ActionNames");
  await list("--resource-arns", "ResourceArns");
  await single("--resource-policy", "ResourcePolicy");
  await single("--resource-owner", "ResourceOwner");
  await single("--caller-arn", "CallerArn");
  await single("--resource-handling-option", "ResourceHandlingOption");
  await single("--starting-token", "Marker");
  const maxItems = one(args, "--max-items");
  if (maxItems !== undefined) request.MaxItems = Number(maxItems);
  const context = one(args, "--context-entries");
  if (context !== undefined) {
    request.ContextEntries = parseJsonArg(
      await valueOf(context),
      "--context-entries",
    ) as ContextEntryInput[];
  }
  return request as unknown as SimulateCustomPolicyRequest;
}

/** Lines of a stream of text or bytes (UTF-8), without their line ends. */
export async function* readLines(
  chunks: AsyncIterable<string | Uint8Array>,
): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = "";
  for await (const chunk of chunks) {
    rest += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let nl = rest.indexOf("\n"); nl >= 0; nl = rest.indexOf("\n", start)) {
      yield rest.slice(start, nl);
      start = nl + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.decode();
  if (rest !== "") yield rest;
}

/** Buffers output and writes it in large pieces, waiting when the stream asks to. */
class BufferedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly out: CliWritable) {}

  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
  }

  get full(): boolean {
    return this.size >= 1 << 16;
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const text = this.parts.join("");
    this.parts = [];
    this.size = 0;
    const ok = this.out.write(text);
    if (ok === false && this.out.once)
      await new Promise<void>((resolve) => this.out.once!("drain", resolve));
  }
}

function reportError(io: CliIo, operation: string, error: unknown): number {
  const err = io.stderr ?? io.stdout;
  if (error instanceof UsageError) {
    err.write(`aws: error: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (isAwsError(error)) {
    err.write(
      `\nAn error occurred (${error.code}) when calling the ${operation} operation: ${error.message}\n`,
    );
    return EXIT_SERVICE_ERROR;
  }
  // A file that cannot be read part-way (--jsonl input): report it, as the AWS CLI does.
  if (typeof (error as NodeJS.ErrnoException)?.code === "string") {
    err.write(`\n${(error as Error).message}\n`);
    return EXIT_OTHER;
  }
  throw error;
}

const SIMULATE_USAGE = `usage: strongbox iam simulate-custom-policy --cli-input-json file://request.json [--jsonl [--workers N]]
       strongbox iam simulate-custom-policy --policy-input-list file://policy.json --action-names ACTION... [--resource-arns ARN...]
           [--resource-policy file://policy.json --caller-arn ARN] [--resource-owner ARN] [--context-entries JSON]
           [--permissions-boundary-policy-input-list file://policy.json] [--max-items N] [--starting-token TOKEN]
  --jsonl      one SimulateCustomPolicy request (JSON) per input line, from the --cli-input-json file or stdin;
               one response per output line, in order; a failing line gives {"Error":{"Code":...,"Message":...}}
  --workers N  with --jsonl: simulate on N worker threads
`;

export async function simulateCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.switches.has("--help")) {
      io.stdout.write(SIMULATE_USAGE);
      return 0;
    }
    if (args.switches.has("--jsonl")) return await simulateJsonlCli(args, io);
    const response = simulateCustomPolicy(await requestFromFlags(args));
    io.stdout.write(`${JSON.stringify(response, null, 4)}\n`);
    return 0;
  } catch (error) {
    return reportError(io, "SimulateCustomPolicy", error);
  }
}

async function simulateJsonlCli(args: ParsedArgs, io: CliIo): Promise<number> {
  const input = one(args, "--cli-input-json");
  let source: AsyncIterable<string | Uint8Array> = io.stdin;
  if (input !== undefined && input !== "-") {
    if (!input.startsWith("file://"))
      throw new UsageError("--jsonl takes --cli-input-json file://requests.jsonl (or stdin)");
    source = createReadStream(input.slice("file://".length), {
      encoding: "utf8",
      highWaterMark: 1 << 20,
    });
  }
  const workersArg = one(args, "--workers");
  const workers = workersArg === undefined ? 0 : Number(workersArg);
  if (!Number.isInteger(workers) || workers < 0)
    throw new UsageError("--workers takes a whole number");
  const out = new BufferedWriter(io.stdout);
  let pending: Promise<void> = Promise.resolve();
  const write = (text: string) => {
    out.add(`${text}\n`);
    if (out.full) pending = pending.then(() => out.flush());
  };
  const lines = readLines(source);
  if (workers > 0) await runSimulateJsonlParallel(lines, write, { workers });
  else
    await runSimulateJsonl(
      withPauses(lines, () => pending),
      write,
    );
  await pending;
  await out.flush();
  return 0;
}

/** Lets buffered output drain between input lines (backpressure for the single-thread mode). */
async function* withPauses(
  lines: AsyncIterable<string>,
  pending: () => Promise<void>,
): AsyncGenerator<string> {
  let n = 0;
  for await (const line of lines) {
    if (++n % 1024 === 0) await pending();
    yield line;
  }
}

const VALIDATE_USAGE = `usage: strongbox accessanalyzer validate-policy --policy-document file://policy.json --policy-type IDENTITY_POLICY|RESOURCE_POLICY|SERVICE_CONTROL_POLICY|RESOURCE_CONTROL_POLICY
           [--validate-policy-resource-type AWS::IAM::AssumeRolePolicyDocument|AWS::SecretsManager::Secret|...] [--max-results N] [--next-token TOKEN]
`;

export async function validatePolicyCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.switches.has("--help")) {
      io.stdout.write(VALIDATE_USAGE);
      return 0;
    }
    const input = one(args, "--cli-input-json");
    const request = (input ? parseJsonArg(await valueOf(input), "--cli-input-json") : {}) as Record<
      string,
      unknown
    >;
    const document = one(args, "--policy-document");
    if (document !== undefined) request.policyDocument = await valueOf(document);
    const type = one(args, "--policy-type");
    if (type !== undefined) request.policyType = type;
    const resourceType = one(args, "--validate-policy-resource-type");
    if (resourceType !== undefined) request.validatePolicyResourceType = resourceType;
    const maxResults = one(args, "--max-results");
    if (maxResults !== undefined) request.maxResults = Number(maxResults);
    const nextToken = one(args, "--next-token");
    if (nextToken !== undefined) request.nextToken = nextToken;
    if (request.policyDocument === undefined || request.policyType === undefined) {
      throw new UsageError(
        "the following arguments are required: --policy-document, --policy-type",
      );
    }
    loadCatalog();
    const response = validatePolicyCli(
      request as unknown as Parameters<typeof validatePolicyCli>[0],
    );
    io.stdout.write(`${JSON.stringify(response, null, 4)}\n`);
    return 0;
  } catch (error) {
    return reportError(io, "ValidatePolicy", error);
  }
}
