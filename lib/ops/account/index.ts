export {
  getAccountStatus,
  initRootUser,
  signInRootUser,
  verifyRootUser,
  type AccountStatus,
} from "./root-user";
export { signInIamUser, THROTTLE, type SignInResult } from "./sign-in";
export {
  CONSOLE_LOGIN_ACTION,
  FAILED_AUTHENTICATION,
  HIDDEN_USER_NAME,
  type SignInAttemptContext,
} from "./console-login";
