import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { StatusPage } from "@/components/feedback/status-page";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <StatusPage
      code="404 · Not found"
      title="We couldn't find that page"
      actions={
        <ButtonLink href="/" variant="primary">
          Back to home
        </ButtonLink>
      }
    >
      <p>The address may be mistyped, or the page may have moved. Check the URL, or start again from the home page.</p>
    </StatusPage>
  );
}
