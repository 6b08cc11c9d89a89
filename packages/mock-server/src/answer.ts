// The documented answers: a response of the operation and its example, picked by openapi-backend
// (`mockResponseForOperation`: the named example, else `example`, else the first of `examples`,
// else a value made from the schema). Here only what it does not do: the checks behind `Prefer`.
// (The spec documents numeric status keys only; a `4XX` key is passed through as the lookup key.)
import type { OpenAPIBackend, Operation } from "openapi-backend";
import { errorAnswer, type MockAnswer } from "./errors.js";

type MediaObject = { examples?: Record<string, unknown>; example?: unknown; schema?: unknown };
type ResponseObject = { content?: Record<string, MediaObject> };

const hasOwn = (o: object, k: string) => Object.hasOwn(o, k);

/** The response key documenting `status`: `404`, else `4XX`, else `default`. */
export function responseKeyFor(op: Operation, status: number): string | undefined {
  const responses = (op.responses ?? {}) as Record<string, ResponseObject>;
  const s = String(status);
  return [s, `${s[0]}XX`, `${s[0]}xx`, "default"].find((k) => hasOwn(responses, k));
}

export function documentedStatuses(op: Operation): string[] {
  return Object.keys(op.responses ?? {});
}

const SUCCESS = /^2\d\d$/;

/** The operation's documented success status (200 when it documents none). */
export function successStatus(op: Operation): number {
  const ok = documentedStatuses(op).find((s) => SUCCESS.test(s));
  return ok ? Number(ok) : 200;
}

/** The media object of the documented response for `status` (JSON first), if it has a body. */
export function responseMedia(op: Operation, status: number): MediaObject | undefined {
  const key = responseKeyFor(op, status);
  if (key === undefined) return undefined;
  const content = ((op.responses ?? {}) as Record<string, ResponseObject>)[key]?.content;
  if (!content) return undefined;
  return content["application/json"] ?? Object.values(content)[0];
}

/**
 * The documented answer for `status`, with `Preference-Applied` when `Prefer` chose it;
 * a 400 explaining the choices when `Prefer` asked for something the spec does not document.
 */
export function documentedAnswer(
  api: OpenAPIBackend,
  op: Operation,
  status: number,
  exampleName: string | undefined,
  preferApplied: string[],
): MockAnswer {
  const key = responseKeyFor(op, status);
  if (key === undefined) {
    return errorAnswer(
      400,
      `Prefer: code=${status} is not a documented response of ${op.operationId}; documented: ${documentedStatuses(op).join(", ")}.`,
    );
  }
  const headers: Record<string, string> = preferApplied.length ? { "preference-applied": preferApplied.join(", ") } : {};
  const media = responseMedia(op, status);
  if (!media) {
    if (exampleName !== undefined)
      return errorAnswer(400, `Prefer: example=${exampleName}: the ${status} response of ${op.operationId} has no body.`);
    return { status, headers, body: undefined };
  }
  if (exampleName !== undefined && !hasOwn(media.examples ?? {}, exampleName)) {
    const names = Object.keys(media.examples ?? {});
    return errorAnswer(
      400,
      `Prefer: example=${exampleName} is not an example of the ${status} response of ${op.operationId}; ` +
        (names.length ? `examples: ${names.join(", ")}.` : "it has no named examples."),
    );
  }
  const { mock } = api.mockResponseForOperation(op.operationId!, {
    code: key as unknown as number,
    ...(exampleName !== undefined ? { example: exampleName } : {}),
  });
  return { status, headers, body: mock };
}
