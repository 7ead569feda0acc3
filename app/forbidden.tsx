import type { Metadata } from "next";
import { ForbiddenContent } from "@/components/feedback/forbidden-content";

export const metadata: Metadata = { title: "Access denied" };

export default function Forbidden() {
  return <ForbiddenContent />;
}
