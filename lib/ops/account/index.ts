export { getAccountStatus, initRootUser, verifyRootUser, type AccountStatus } from "./root-user";
