import {
  getRandomPassword as generate,
  type GetRandomPasswordInput,
} from "../../crypto/random-password";
import { ValidationError, isAwsError } from "../../errors";
import { defineOperation } from "../operation";

export const getRandomPassword = defineOperation<
  GetRandomPasswordInput,
  { RandomPassword: string }
>("secretsmanager:GetRandomPassword", async (ctx, input) => {
  await ctx.authorize({ resource: "*" });
  try {
    return generate(input ?? {});
  } catch (error) {
    // Out-of-range PasswordLength / ExcludeCharacters are shape constraints: AWS's front end
    // answers them with ValidationException ("1 validation error detected: ..."), as the other
    // operations here do; the generator's rules (types, exclusions) stay InvalidParameter.
    if (isAwsError(error) && error.message.startsWith("1 validation error detected")) {
      throw ValidationError(error.message, error.field);
    }
    throw error;
  }
});
