import { defineOperation } from "../operation";
import { authorizedSecret, describeShape, versionIdsToStages } from "./secrets";
import { SECRET_ID, requiredString } from "./validate";

export interface DescribeSecretInput {
  SecretId: string;
}

export type DescribeSecretOutput = ReturnType<typeof describeShape> & {
  VersionIdsToStages?: Record<string, string[]>;
};

export const describeSecret = defineOperation<DescribeSecretInput, DescribeSecretOutput>(
  "secretsmanager:DescribeSecret",
  async (ctx, input) => {
    const secretId = requiredString(
      input as unknown as Record<string, unknown>,
      "SecretId",
      SECRET_ID,
    );
    const secret = await authorizedSecret(ctx, secretId);
    const stages = versionIdsToStages(secret);
    return {
      ...describeShape(secret),
      VersionIdsToStages: Object.keys(stages).length > 0 ? stages : undefined,
    };
  },
);
