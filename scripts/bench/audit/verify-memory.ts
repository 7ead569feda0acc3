import { closeDb } from "@/db/client";
import { verifyChain } from "@/lib/audit/verify";

// Run alone in its own process, so its peak RSS is the verification's and nothing else's.
const toSeq = Number(process.argv[2]);
const result = await verifyChain({ toSeq, storedCheckpoints: false });
await closeDb();
if (!result.ok) throw new Error(`verification failed: ${JSON.stringify(result.failure)}`);
console.log(JSON.stringify({ checked: result.checked, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
