/** Reads the server's list of built-in labs (GET /api/templates) for the header's lab picker. */

/** One built-in lab the page can open with `/?lab=ID`. */
export interface LabTemplate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

/** The templates in a parsed `/api/templates` answer; anything malformed is left out. */
export function parseTemplates(value: unknown): LabTemplate[] {
  if (!Array.isArray(value)) return [];
  const templates: LabTemplate[] = [];
  for (const item of value) {
    if (typeof item !== "object" || item === null) continue;
    const id: unknown = Reflect.get(item, "id");
    const name: unknown = Reflect.get(item, "name");
    const description: unknown = Reflect.get(item, "description");
    if (typeof id === "string" && typeof name === "string") {
      templates.push({ id, name, description: typeof description === "string" ? description : "" });
    }
  }
  return templates;
}

/** Fetches the templates; an unreachable server gives an empty list (the picker stays hidden). */
export async function fetchTemplates(fetcher: typeof fetch = fetch): Promise<LabTemplate[]> {
  try {
    const response = await fetcher("/api/templates");
    if (!response.ok) return [];
    return parseTemplates(await response.json());
  } catch {
    return [];
  }
}

/** The notes of the built-in lab named `labName` ("" when it is none of them). */
export function labNotes(templates: readonly LabTemplate[], labName: string | null): string {
  if (labName === null) return "";
  return templates.find((template) => template.name === labName)?.description ?? "";
}
