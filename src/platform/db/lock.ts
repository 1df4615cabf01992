import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * PGlite is a single-process database: two processes writing one data folder corrupt it. A pid file
 * refuses a second opener while the first is alive and is taken over when its owner died (kill -9).
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const file = path.join(dataDir, "jike.pid");
  try {
    const owner = Number(readFileSync(file, "utf8").trim());
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new Error(
        `The data folder ${dataDir} is in use by process ${owner}. Stop that process, or set JIKE_DATA_DIR to another folder.`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
