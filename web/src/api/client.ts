const BASE = "/api/v1";

export interface FieldIssue {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Seconds from a `Retry-After` header (429), when the server sent one. */
  readonly retryAfter: number | undefined;

  constructor(status: number, code: string, message: string, details: unknown, retryAfter?: number) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter;
  }

  /** Field-level validation problems from a 400 body: `details.issues: [{ field, message }]`. */
  get issues(): FieldIssue[] {
    const d = this.details;
    if (!d || typeof d !== "object" || !("issues" in d) || !Array.isArray(d.issues)) return [];
    return d.issues.filter(
      (i): i is FieldIssue =>
        !!i && typeof i === "object" && typeof i.field === "string" && typeof i.message === "string",
    );
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** A 401 from these means "wrong credentials", not "session gone". */
const CREDENTIAL_CHECKS = new Set(["/auth/login"]);

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** The CSRF token arrives with the login and /auth/me answers and lives only in memory. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

/** The address of an API path with its query, for links and downloads. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ""}`;
}

async function readError(res: Response): Promise<ApiError> {
  const retryHeader = res.headers.get("Retry-After");
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined;
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (body && typeof body === "object") {
    const b = body as { code?: unknown; message?: unknown; details?: unknown };
    return new ApiError(
      res.status,
      typeof b.code === "string" ? b.code : `HTTP_${res.status}`,
      typeof b.message === "string" ? b.message : res.statusText,
      b.details ?? null,
      retryAfter,
    );
  }
  return new ApiError(res.status, `HTTP_${res.status}`, res.statusText, null, retryAfter);
}

/**
 * One fetch for every call the client makes: cookies sent, a network failure as ApiError NETWORK, a
 * refused call read into an ApiError, and a lost session reported once — except on the calls that
 * check credentials, where 401 is the answer itself.
 */
async function send(address: string, init: RequestInit, path?: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(address, { ...init, credentials: "same-origin" });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "NETWORK", e instanceof Error ? e.message : String(e), null);
  }
  if (!res.ok) {
    const error = await readError(res);
    if (res.status === 401 && !(path && CREDENTIAL_CHECKS.has(path))) onUnauthorized?.();
    throw error;
  }
  return res;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;

  const res = await send(
    apiUrl(path, options.query),
    {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    },
    path,
  );
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>("GET", path, { query, signal }),
  post: <T = void>(path: string, body?: unknown) => request<T>("POST", path, { body }),
  put: <T = void>(path: string, body?: unknown) => request<T>("PUT", path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, { body }),
  delete: <T = void>(path: string) => request<T>("DELETE", path),
};

/**
 * Sends one file as multipart/form-data. The browser sets the content type with its boundary, so the
 * JSON client cannot be used; the CSRF token and the error handling are the same.
 */
export async function uploadFile<T>(
  path: string,
  file: Blob & { name?: string },
  options: { field?: string; query?: Query; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<T> {
  const form = new FormData();
  form.append(options.field ?? "file", file, file.name ?? "upload");
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  if (csrfToken) headers["X-CSRF-Token"] = csrfToken;
  const res = await send(apiUrl(path, options.query), {
    method: "POST",
    headers,
    body: form,
    signal: options.signal,
  });
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The file name a `Content-Disposition` header offers (RFC 6266; `filename*` wins), if any. */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*\s*=\s*(?:[\w-]+)'[^']*'([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ""));
    } catch {
      // a malformed encoding falls through to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
  const name = (plain?.[2] ?? plain?.[1])?.trim();
  return name || undefined;
}

/**
 * Fetches a file the API serves (a template, an export, an error report) and hands it to the browser
 * as a download. `url` is an API path (`/customers/export`) or an address the API returned
 * (`/api/v1/...`). Resolves to the file name used.
 */
export async function downloadFile(
  url: string,
  fallbackName: string,
  options: { query?: Query; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<string> {
  const address = /^(https?:)?\/\/|^\/api\//i.test(url) ? url : apiUrl(url, options.query);
  const res = await send(address, { headers: { ...options.headers }, signal: options.signal });
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get("Content-Disposition")) ?? fallbackName;
  const objectUrl = URL.createObjectURL(blob);
  try {
    const a = document.createElement("a");
    a.href = objectUrl;
    a.download = name;
    a.rel = "noopener";
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    // The click has started the download; the URL can go once the browser has read it.
    setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
  }
  return name;
}
