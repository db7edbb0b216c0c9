import { describe, expect, it } from "vitest";
import { AwsError } from "@/lib/errors";
import { getRandomPassword, type GetRandomPasswordInput } from "./random-password";

const LOWER = /[a-z]/;
const UPPER = /[A-Z]/;
const DIGIT = /[0-9]/;
const PUNCT = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const ALLOWED = /^[a-zA-Z0-9!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]*$/;

const password = (input?: GetRandomPasswordInput) => getRandomPassword(input).RandomPassword;

function expectInvalidParameter(
  input: GetRandomPasswordInput,
  message: string | RegExp,
  field?: string,
) {
  let thrown: unknown;
  try {
    getRandomPassword(input);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(AwsError);
  const error = thrown as AwsError;
  expect(error.code).toBe("InvalidParameterException");
  expect(error.status).toBe(400);
  if (typeof message === "string") expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
  if (field) expect(error.field).toBe(field);
}

describe("getRandomPassword", () => {
  it("defaults to 32 characters with each type and no space", () => {
    for (let i = 0; i < 200; i++) {
      const p = password();
      expect(p).toHaveLength(32);
      expect(p).toMatch(ALLOWED);
      for (const type of [LOWER, UPPER, DIGIT, PUNCT]) expect(p).toMatch(type);
    }
    expect(password({})).not.toBe(password({}));
  });

  it("gives the requested length, from 1 to 4096", () => {
    for (const length of [4, 5, 17, 100, 4096])
      expect(password({ PasswordLength: length })).toHaveLength(length);
    expect(password({ PasswordLength: 1, RequireEachIncludedType: false })).toHaveLength(1);
    expect(
      password({
        PasswordLength: 1,
        ExcludeUppercase: true,
        ExcludeNumbers: true,
        ExcludePunctuation: true,
      }),
    ).toMatch(/^[a-z]$/);
  });

  it("honours the Exclude options and ExcludeCharacters", () => {
    const exclude = "aeiouAEIOU01'\"\\`";
    for (let i = 0; i < 50; i++) {
      const p = password({ PasswordLength: 256, ExcludeCharacters: exclude });
      for (const c of exclude) expect(p).not.toContain(c);
    }
    expect(password({ PasswordLength: 512, ExcludeNumbers: true })).not.toMatch(DIGIT);
    expect(password({ PasswordLength: 512, ExcludePunctuation: true })).toMatch(/^[a-zA-Z0-9]+$/);
    expect(password({ PasswordLength: 512, ExcludeUppercase: true })).not.toMatch(UPPER);
    expect(password({ PasswordLength: 512, ExcludeLowercase: true })).not.toMatch(LOWER);
    expect(
      password({
        PasswordLength: 64,
        ExcludeLowercase: true,
        ExcludeUppercase: true,
        ExcludePunctuation: true,
      }),
    ).toMatch(/^[0-9]{64}$/);
  });

  it("drops a type whose characters are all excluded instead of failing", () => {
    const p = password({
      PasswordLength: 3,
      ExcludeCharacters: "0123456789",
      ExcludePunctuation: true,
    });
    expect(p).toMatch(/^[a-zA-Z]{3}$/);
  });

  it("includes the space only with IncludeSpace, and not when excluded", () => {
    expect(password({ PasswordLength: 4096 })).not.toContain(" ");
    expect(password({ PasswordLength: 4096, IncludeSpace: true })).toContain(" ");
    expect(
      password({ PasswordLength: 4096, IncludeSpace: true, ExcludeCharacters: " " }),
    ).not.toContain(" ");
    // The space is a character, not a required type: length 1 with only space is fine.
    expect(
      password({
        PasswordLength: 1,
        IncludeSpace: true,
        ExcludeLowercase: true,
        ExcludeUppercase: true,
        ExcludeNumbers: true,
        ExcludePunctuation: true,
      }),
    ).toBe(" ");
  });

  it("draws characters uniformly", () => {
    const counts = new Map<string, number>();
    const n = 100_000;
    const digits = password({
      PasswordLength: 4096,
      ExcludeLowercase: true,
      ExcludeUppercase: true,
      ExcludePunctuation: true,
      RequireEachIncludedType: false,
    });
    let sample = digits;
    while (sample.length < n) {
      sample += password({
        PasswordLength: 4096,
        ExcludeLowercase: true,
        ExcludeUppercase: true,
        ExcludePunctuation: true,
      });
    }
    for (const c of sample.slice(0, n)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(10);
    // Chi-square with 9 degrees of freedom: 27.9 is the 0.1% critical value.
    const expected = n / 10;
    let chi = 0;
    for (const count of counts.values()) chi += (count - expected) ** 2 / expected;
    expect(chi).toBeLessThan(27.9);
  });

  it("places the required characters at uniformly random positions", () => {
    const firstType = { lower: 0, upper: 0, digit: 0, punct: 0 };
    const runs = 4000;
    for (let i = 0; i < runs; i++) {
      const p = password({ PasswordLength: 4 });
      for (const type of [LOWER, UPPER, DIGIT, PUNCT]) expect(p).toMatch(type);
      const c = p[0];
      if (LOWER.test(c)) firstType.lower++;
      else if (UPPER.test(c)) firstType.upper++;
      else if (DIGIT.test(c)) firstType.digit++;
      else firstType.punct++;
    }
    for (const count of Object.values(firstType)) {
      expect(count / runs).toBeGreaterThan(0.2);
      expect(count / runs).toBeLessThan(0.3);
    }
  });

  it("answers a length out of range with AWS's validation message", () => {
    expectInvalidParameter(
      { PasswordLength: 0 },
      "1 validation error detected: Value '0' at 'passwordLength' failed to satisfy constraint: Member must have value greater than or equal to 1",
      "PasswordLength",
    );
    expectInvalidParameter(
      { PasswordLength: 4097 },
      "1 validation error detected: Value '4097' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to 4096",
    );
    expectInvalidParameter({ PasswordLength: 12.5 }, /whole number/);
    expectInvalidParameter({ PasswordLength: "12" as unknown as number }, /whole number/);
    expectInvalidParameter(
      { ExcludeCharacters: "x".repeat(4097) },
      /length less than or equal to 4096/,
      "ExcludeCharacters",
    );
    expectInvalidParameter(
      { IncludeSpace: "yes" as unknown as boolean },
      /IncludeSpace/,
      "IncludeSpace",
    );
  });

  it("fails when every character is excluded", () => {
    expectInvalidParameter(
      {
        ExcludeLowercase: true,
        ExcludeUppercase: true,
        ExcludeNumbers: true,
        ExcludePunctuation: true,
      },
      /No characters are left/,
    );
    expectInvalidParameter(
      {
        ExcludeCharacters:
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
      },
      /No characters are left/,
    );
  });

  it("fails when the length cannot hold one of each included type", () => {
    expectInvalidParameter(
      { PasswordLength: 3 },
      /at least 4 .*4 included character types/,
      "PasswordLength",
    );
    expectInvalidParameter({ PasswordLength: 2, ExcludeNumbers: true }, /at least 3/);
    expect(password({ PasswordLength: 3, ExcludeNumbers: true })).toHaveLength(3);
    expect(password({ PasswordLength: 3, RequireEachIncludedType: false })).toHaveLength(3);
  });
});
