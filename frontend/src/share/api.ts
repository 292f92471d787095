/** Owns the page's calls to /api/shared (docs/sharing.md): requests with the link secret in X-Lab-Secret, answers checked before use, refusals as ShareApiError with the server's sentence. */

export type Permission = "VIEW" | "EDIT";

export interface CreatedLab {
  readonly id: string;
  readonly version: number;
  readonly viewSecret: string;
  readonly editSecret: string;
}

export interface LabInfo {
  readonly id: string;
  readonly permission: Permission;
  readonly latestVersion: number;
  readonly forkedFrom: string | null;
}

export interface SavedVersion {
  readonly id: string;
  readonly version: number;
  readonly savedAt: string;
}

export interface VersionSummary {
  readonly versionNumber: number;
  readonly title: string;
  readonly savedAt: string;
  readonly restoredFrom: number | null;
}

/** A refused request: the HTTP status, the server's error code and its sentence. */
export class ShareApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export class ShareApi {
  constructor(private readonly fetcher: Fetch) {}

  create(document: string): Promise<CreatedLab> {
    return this.call("POST", "/api/shared", null, document, createdLab);
  }

  info(id: string, secret: string): Promise<LabInfo> {
    return this.call("GET", lab(id), secret, null, labInfo);
  }

  save(id: string, secret: string, document: string): Promise<SavedVersion> {
    return this.call("POST", `${lab(id)}/versions`, secret, document, savedVersion);
  }

  versions(id: string, secret: string): Promise<readonly VersionSummary[]> {
    return this.call("GET", `${lab(id)}/versions`, secret, null, (value) =>
      list(value).map(versionSummary),
    );
  }

  /** A version's lab document, parsed (null: the newest). */
  document(id: string, secret: string, version: number | null): Promise<Record<string, unknown>> {
    const which = version === null ? "latest" : String(version);
    return this.call("GET", `${lab(id)}/versions/${which}`, secret, null, record);
  }

  restore(id: string, secret: string, version: number): Promise<SavedVersion> {
    return this.call("POST", `${lab(id)}/versions/${version}/restore`, secret, null, savedVersion);
  }

  fork(id: string, secret: string, version: number | null): Promise<CreatedLab> {
    const query = version === null ? "" : `?version=${version}`;
    return this.call("POST", `${lab(id)}/fork${query}`, secret, null, createdLab);
  }

  /** Revokes the view or edit link and returns the new link's secret. */
  rotate(id: string, secret: string, which: "view" | "edit"): Promise<string> {
    return this.call("POST", `${lab(id)}/links/${which}/rotate`, secret, null, (value) =>
      str(record(value), "secret"),
    );
  }

  private async call<T>(
    method: "GET" | "POST",
    path: string,
    secret: string | null,
    body: string | null,
    read: (value: unknown) => T,
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (secret !== null) headers["X-Lab-Secret"] = secret;
    if (method === "POST") {
      headers["X-Packetwalk"] = "1";
      headers["Content-Type"] = "application/json";
    }
    const response = await this.fetcher(path, {
      method,
      headers,
      ...(body === null ? {} : { body }),
    });
    let value: unknown = null;
    try {
      value = await response.json();
    } catch {
      value = null;
    }
    if (!response.ok) {
      const refusal = typeof value === "object" && value !== null ? record(value) : {};
      const code =
        typeof refusal["error"] === "string" ? refusal["error"] : `HTTP_${response.status}`;
      const message =
        typeof refusal["message"] === "string"
          ? refusal["message"]
          : `The server answered ${response.status}.`;
      throw new ShareApiError(response.status, code, message);
    }
    return read(value);
  }
}

function lab(id: string): string {
  return `/api/shared/${encodeURIComponent(id)}`;
}

function record(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ShareApiError(0, "BAD_ANSWER", "The server's answer is not a JSON object.");
  }
  return value as Record<string, unknown>;
}

function list(value: unknown): readonly unknown[] {
  if (!Array.isArray(value)) {
    throw new ShareApiError(0, "BAD_ANSWER", "The server's answer is not a JSON list.");
  }
  return value;
}

function str(fields: Record<string, unknown>, key: string): string {
  const value = fields[key];
  if (typeof value !== "string") {
    throw new ShareApiError(0, "BAD_ANSWER", `The server's answer has no text "${key}".`);
  }
  return value;
}

function int(fields: Record<string, unknown>, key: string): number {
  const value = fields[key];
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new ShareApiError(0, "BAD_ANSWER", `The server's answer has no number "${key}".`);
  }
  return value;
}

function nullableInt(fields: Record<string, unknown>, key: string): number | null {
  return fields[key] === null ? null : int(fields, key);
}

function createdLab(value: unknown): CreatedLab {
  const fields = record(value);
  return {
    id: str(fields, "id"),
    version: int(fields, "version"),
    viewSecret: str(fields, "viewSecret"),
    editSecret: str(fields, "editSecret"),
  };
}

function labInfo(value: unknown): LabInfo {
  const fields = record(value);
  const permission = str(fields, "permission");
  if (permission !== "VIEW" && permission !== "EDIT") {
    throw new ShareApiError(0, "BAD_ANSWER", `Unknown permission "${permission}".`);
  }
  return {
    id: str(fields, "id"),
    permission,
    latestVersion: int(fields, "latestVersion"),
    forkedFrom: fields["forkedFrom"] === null ? null : str(fields, "forkedFrom"),
  };
}

function savedVersion(value: unknown): SavedVersion {
  const fields = record(value);
  return {
    id: str(fields, "id"),
    version: int(fields, "version"),
    savedAt: str(fields, "savedAt"),
  };
}

function versionSummary(value: unknown): VersionSummary {
  const fields = record(value);
  return {
    versionNumber: int(fields, "versionNumber"),
    title: str(fields, "title"),
    savedAt: str(fields, "savedAt"),
    restoredFrom: nullableInt(fields, "restoredFrom"),
  };
}
