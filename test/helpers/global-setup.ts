import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { buildPgliteTemplate, buildPostgresTemplate, newTemplatePath } from "./template.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/** Runs once per `vitest run`: builds the template database(s) every test file starts from. */
export default async function setup(project: TestProject) {
  const file = newTemplatePath();
  await buildPgliteTemplate(file);
  if (process.env.TEST_DATABASE_URL) await buildPostgresTemplate(process.env.TEST_DATABASE_URL);
  project.provide("pgliteTemplate", file);
  return () => rmSync(file, { force: true });
}
