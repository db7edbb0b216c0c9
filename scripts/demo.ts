// `npm run demo`: a demo environment on its own data folder (.data-demo unless STRONGBOX_DATA_DIR
// or DATABASE_URL says otherwise): resets the demo account, builds if needed, and serves.
process.env.STRONGBOX_DATA_DIR ??= ".data-demo";
process.env.STRONGBOX_DEMO_RESET = "1";
await import("./start");
export {};
