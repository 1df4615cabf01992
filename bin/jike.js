#!/usr/bin/env node
// Runs the TypeScript sources directly, so `npm install` leaves the CLI runnable with no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
