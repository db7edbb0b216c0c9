import {
  getRandomPassword as generate,
  type GetRandomPasswordInput,
} from "../../crypto/random-password";
import { defineOperation } from "../operation";

export const getRandomPassword = defineOperation<
  GetRandomPasswordInput,
  { RandomPassword: string }
>("secretsmanager:GetRandomPassword", async (ctx, input) => {
  await ctx.authorize({ resource: "*" });
  return generate(input ?? {});
});
