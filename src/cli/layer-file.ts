/**
 * Navigator layer files: written atomically (a temporary file, then a rename) and never over an
 * existing file unless asked, never into a FIFO, a device or through a link; read back as a
 * baseline only from a regular file of bounded size.
 */
import { closeSync, lstatSync, openSync, renameSync, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { LayerFormatError, ruleCountsFromLayer } from "../core/coverage-diff";
import type { NavigatorLayer } from "../core/navigator-layer";
import { UsageError } from "./args";
import { readJsonFile } from "./json-file";
import { jsonOutput, OutputWriteError, writeOutput } from "./output";
import { fileSystemReason, FileRefusal } from "./safe-read";

/** A layer of every ATT&CK technique with long comments is a few MB; a baseline past this is not one. */
export const MAX_BASELINE_BYTES = 64 << 20;

/** A write that failed after the work was done: the run ends with EXIT_WRITE_FAILED and this message. */
export class WriteError extends Error {}

/** Fails before any work is done when the file exists and --force was not given, or is not a regular file. */
export function refuseToOverwrite(path: string, force: boolean): void {
  const existing = lstatSync(path, { throwIfNoEntry: false });
  if (!existing) return;
  if (!force) throw new UsageError(`${path} already exists; pass --force to overwrite it`);
  if (existing.isSymbolicLink()) throw new UsageError(`${path} is a symbolic link; give the path of a regular file to write the layer to`);
  if (!existing.isFile()) throw new UsageError(`${path} is not a regular file (a FIFO, a device or a folder); a layer is written only to a regular file`);
}

function failedWrite(path: string, error: unknown): Error {
  if (error instanceof OutputWriteError) return new WriteError(`cannot write ${path}: ${error.reason}`);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EEXIST") return new UsageError(`${path} already exists; pass --force to overwrite it`);
  if (code === "ENOENT") return new UsageError(`cannot write ${path}: its folder does not exist`);
  return new WriteError(`cannot write ${path}: ${fileSystemReason(error)}`);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Not there: renamed away, or never made.
  }
}

export function writeLayerFile(path: string, layer: NavigatorLayer, force: boolean): void {
  refuseToOverwrite(path, force);
  // Without --force the name is claimed first (`wx` fails if it is taken, so no race overwrites a
  // file); the layer goes to a temporary file beside it and is renamed over the claim, whole.
  let claimed = false;
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    if (!force) {
      closeSync(openSync(path, "wx"));
      claimed = true;
    }
    const fd = openSync(temporary, "wx");
    try {
      writeOutput(fd, jsonOutput(layer));
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    removeQuietly(temporary);
    if (claimed) removeQuietly(path);
    throw failedWrite(path, error);
  }
}

/**
 * Rule counts by technique from a previous export: a regular file (a link to one is followed: the
 * user named it). `rejected` holds the positions of entries that name no ATT&CK technique.
 */
export function readBaseline(path: string): { counts: Map<string, number>; rejected: number[] } {
  let parsed: unknown;
  try {
    parsed = readJsonFile(path, { maxBytes: MAX_BASELINE_BYTES, followLinks: true });
  } catch (error) {
    if (!(error instanceof FileRefusal)) throw error;
    if (error.code === "ENOENT") throw new UsageError(`no baseline layer at ${path}`);
    throw new UsageError(`the baseline ${path} ${error.message}`);
  }
  try {
    const rejected: number[] = [];
    return { counts: ruleCountsFromLayer(parsed, rejected), rejected };
  } catch (error) {
    if (error instanceof LayerFormatError) throw new UsageError(`the baseline ${path} ${error.message}`);
    throw error;
  }
}
