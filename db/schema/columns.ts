import { timestamp } from "drizzle-orm/pg-core";

/** Every time column is `timestamp with time zone` (CONVENTIONS.md), read as a JS Date. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const createdAt = () => timestamptz("created_at").notNull().defaultNow();
