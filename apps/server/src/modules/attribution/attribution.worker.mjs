// Worker thread bootstrap: the worker runs TypeScript through tsx's loader, as the CLI does.
import { register } from "tsx/esm/api";

register();
await import("./attribution.worker.ts");
