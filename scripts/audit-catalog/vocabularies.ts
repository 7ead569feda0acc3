import { availabilityAudit } from "@/lib/availability/vocabulary";
import type { CatalogVocabulary } from "./render";

/**
 * Every module's declared audit actions: the composition root of the catalog. A module with
 * a vocabulary.ts adds its vocabulary here.
 */
export const VOCABULARIES: CatalogVocabulary[] = [availabilityAudit];
