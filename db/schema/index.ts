export * from "./auth";
export * from "./audit";
export * from "./governance";
export * from "./privacy";
export * from "./controls";
export * from "./availability";
