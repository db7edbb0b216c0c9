// The account password policy's rules as pure functions: the operations check new passwords with
// them, and the console's password fields use them for messages next to the field. No imports, so
// client components may use this module.

/** IAM's PasswordPolicy shape, as GetAccountPasswordPolicy returns it. */
export interface PasswordPolicy {
  MinimumPasswordLength: number;
  RequireSymbols: boolean;
  RequireNumbers: boolean;
  RequireUppercaseCharacters: boolean;
  RequireLowercaseCharacters: boolean;
  AllowUsersToChangePassword: boolean;
  ExpirePasswords: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
  HardExpiry: boolean;
}

/** The default when no policy is set: at least 8 characters and three of the four classes. */
export const DEFAULT_PASSWORD_RULES = { MinimumPasswordLength: 8, RequiredClasses: 3 };
/** IAM user passwords are at most 128 characters whatever the policy. */
export const MAX_PASSWORD_LENGTH = 128;
/** The symbols AWS's RequireSymbols counts: ! @ # $ % ^ & * ( ) _ + - = [ ] { } | ' */
const SYMBOLS = /[!@#$%^&*()_+\-=[\]{}|']/;

/** The first rule `password` breaks, in AWS's words, or undefined when it satisfies them all. */
export function passwordViolation(
  password: string,
  policy: PasswordPolicy | null | undefined,
): string | undefined {
  if (!policy) {
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) =>
      re.test(password),
    ).length;
    if (
      password.length < DEFAULT_PASSWORD_RULES.MinimumPasswordLength ||
      password.length > MAX_PASSWORD_LENGTH ||
      classes < DEFAULT_PASSWORD_RULES.RequiredClasses
    ) {
      return `Password should have at least ${DEFAULT_PASSWORD_RULES.MinimumPasswordLength} characters and at least ${DEFAULT_PASSWORD_RULES.RequiredClasses} of: lowercase letters, uppercase letters, numbers, symbols.`;
    }
    return undefined;
  }
  if (password.length < policy.MinimumPasswordLength) {
    return `Password should have a minimum length of ${policy.MinimumPasswordLength}`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Password should have a maximum length of ${MAX_PASSWORD_LENGTH}`;
  }
  if (policy.RequireUppercaseCharacters && !/[A-Z]/.test(password)) {
    return "Password should have at least one uppercase letter";
  }
  if (policy.RequireLowercaseCharacters && !/[a-z]/.test(password)) {
    return "Password should have at least one lowercase letter";
  }
  if (policy.RequireNumbers && !/[0-9]/.test(password)) {
    return "Password should have at least one number";
  }
  if (policy.RequireSymbols && !SYMBOLS.test(password)) {
    return "Password should have at least one symbol";
  }
  return undefined;
}

/** PasswordReusePrevention's maximum: the most previous passwords IAM remembers per user. */
export const MAX_PASSWORD_REUSE_PREVENTION = 24;

/** AWS's words when a new password is one of the user's last PasswordReusePrevention passwords. */
export const PASSWORD_REUSE_MESSAGE =
  "Policy constraint violation with password reuse prevention during password change.";

/** The sign-in form's words when the password expired and only an administrator may reset it. */
export const HARD_EXPIRED_MESSAGE =
  "Your password has expired and you can't change it. Contact your administrator to reset your password.";

const DAY_MS = 86_400_000;

/**
 * When a password set at `lastChanged` expires under the policy's MaxPasswordAge, or undefined
 * when passwords don't expire.
 */
export function passwordExpiresAt(
  lastChanged: Date,
  policy: Pick<PasswordPolicy, "MaxPasswordAge"> | null | undefined,
): Date | undefined {
  const days = policy?.MaxPasswordAge;
  if (!days || days <= 0) return undefined;
  return new Date(lastChanged.getTime() + days * DAY_MS);
}
