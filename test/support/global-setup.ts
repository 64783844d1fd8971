/** Once per jest run, before any worker: unpack the packaged browser so workers never race to. */
import { browserExecutable } from "./browser";

export default async function globalSetup(): Promise<void> {
  await browserExecutable();
}
