import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateDatabase } from "../../src/platform/db/migrate.ts";
import { openPglite, openPostgres } from "../../src/platform/db/open.ts";
import { seedDemo } from "../../tools/datagen/index.ts";

/**
 * Test databases start from one migrated and seeded template, made once per run: a PGlite data-dir dump
 * (loading it takes ~0.6 s, a fresh PGlite ~4 s) or a PostgreSQL template database.
 */
export const TEST_PASSWORD = "Test@1234";
export const TEST_SEED = 7;
export const newTemplatePath = () =>
  path.join(tmpdir(), `jike-test-template-${process.pid}-${Date.now()}.tar`);
export const PG_TEMPLATE_DB = "jike_test_template";

export async function buildPgliteTemplate(file: string): Promise<void> {
  const database = await openPglite(undefined);
  await migrateDatabase(database);
  await seedDemo(database.db, { seed: TEST_SEED, password: TEST_PASSWORD, scale: "test" });
  const client = (database.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
  const blob = await client.dumpDataDir("none");
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await database.close();
}

export function loadPgliteTemplate(file: string): Blob {
  return new Blob([readFileSync(file)]);
}

export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function buildPostgresTemplate(baseUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${PG_TEMPLATE_DB}`);
    await admin.query(`create database ${PG_TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const database = await openPostgres(databaseUrl(baseUrl, PG_TEMPLATE_DB));
  await migrateDatabase(database);
  await seedDemo(database.db, { seed: TEST_SEED, password: TEST_PASSWORD, scale: "test" });
  await database.close();
}
