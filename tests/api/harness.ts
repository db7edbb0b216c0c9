// The AWS API on an ephemeral port over a throwaway database, and the real AWS SDK clients
// pointed at it. IAM users and their access keys are made through lib/ops as the root user.
import { IAMClient } from "@aws-sdk/client-iam";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { STSClient } from "@aws-sdk/client-sts";
import { startApiServer, type RunningServer } from "@/lib/api/http-server";
import { Authenticator } from "@/lib/api/auth";
import { createAccessKey, createUser, putUserPolicy } from "@/lib/ops/iam";
import type { DatabaseProvider } from "@/lib/config";
import { createTestRuntime, type TestRuntime } from "../helpers/runtime";

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface TestUser extends Credentials {
  userName: string;
  arn: string;
}

export const ADMIN_POLICY = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
};

export interface ApiHarness {
  rt: TestRuntime;
  server: RunningServer;
  endpoint: string;
  /** An IAM user with an access key and, when given, one inline policy. */
  user(name: string, policy?: object): Promise<TestUser>;
  secretsManager(credentials: Credentials, endpoint?: string): SecretsManagerClient;
  iam(credentials: Credentials): IAMClient;
  sts(credentials: Credentials): STSClient;
  close(): Promise<void>;
}

/** STRONGBOX_TEST_API_PROVIDER=postgres runs the single-provider API tests on PostgreSQL. */
const DEFAULT_PROVIDER = (process.env.STRONGBOX_TEST_API_PROVIDER ?? "sqlite") as DatabaseProvider;

export async function startHarness(
  provider: DatabaseProvider = DEFAULT_PROVIDER,
  options: { credentialCacheMs?: number } = {},
): Promise<ApiHarness> {
  const rt = await createTestRuntime(provider);
  const server = await startApiServer({
    authenticator: new Authenticator({ cacheMs: options.credentialCacheMs ?? 0 }),
    trustProxy: undefined,
  });
  const clientConfig = (credentials: Credentials, endpoint = server.url) => ({
    endpoint,
    region: "us-east-1",
    credentials,
    maxAttempts: 1,
  });
  return {
    rt,
    server,
    endpoint: server.url,
    async user(name, policy) {
      const { User } = await createUser(rt.root, { UserName: name });
      if (policy) {
        await putUserPolicy(rt.root, {
          UserName: name,
          PolicyName: `${name}-policy`,
          PolicyDocument: JSON.stringify(policy),
        });
      }
      const { AccessKey } = await createAccessKey(rt.root, { UserName: name });
      return {
        userName: name,
        arn: User.Arn,
        accessKeyId: AccessKey.AccessKeyId,
        secretAccessKey: AccessKey.SecretAccessKey,
      };
    },
    secretsManager: (credentials, endpoint) =>
      new SecretsManagerClient(clientConfig(credentials, endpoint)),
    iam: (credentials) => new IAMClient(clientConfig(credentials)),
    sts: (credentials) => new STSClient(clientConfig(credentials)),
    async close() {
      await server.close();
      await rt.dispose();
    },
  };
}

/** The rejection of a promise that must fail (the SDK's typed exception). */
export async function rejection(
  promise: Promise<unknown>,
): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("expected the call to fail");
}
