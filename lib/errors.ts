/**
 * AWS-shaped errors. Every failure that reaches a caller (console, CLI, API) is one of these:
 * `code` is AWS's error code, `message` is AWS's wording, `status` the HTTP status the AWS API
 * would answer with. Anything else thrown is a bug and is reported as InternalServiceError.
 */
export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  /** Which input field the error is about, when known (the console shows it next to the field). */
  readonly field?: string;

  constructor(code: string, message: string, options: { status?: number; field?: string } = {}) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = options.status ?? 400;
    this.field = options.field;
  }
}

const make =
  (code: string, status = 400) =>
  (message: string, field?: string) =>
    new AwsError(code, message, { status, field });

export const AccessDenied = make("AccessDeniedException");
export const ResourceNotFound = make("ResourceNotFoundException");
export const InvalidParameter = make("InvalidParameterException");
export const InvalidRequest = make("InvalidRequestException");
export const ResourceExists = make("ResourceExistsException");
export const LimitExceeded = make("LimitExceededException");
export const MalformedPolicyDocument = make("MalformedPolicyDocumentException");
export const PublicPolicy = make("PublicPolicyException");
export const InvalidNextToken = make("InvalidNextTokenException");
export const ValidationError = make("ValidationException");
export const PreconditionNotMet = make("PreconditionNotMetException");
export const DecryptionFailure = make("DecryptionFailure");
export const InternalServiceError = make("InternalServiceError", 500);

export function isAwsError(error: unknown): error is AwsError {
  return error instanceof AwsError;
}
