export { getAccountStatus, initRootUser, verifyRootUser, type AccountStatus } from "./root-user";
export { signInIamUser, THROTTLE, type SignInResult } from "./sign-in";
