// Compiled by .ci/contracts with tsc --strict against the client types openapi-typescript generates from the merged
// OpenAPI document (ruralwatch-api.d.ts beside this file). It fails to compile, naming the operations, when an
// operation's success answer has no typed body (`never`), unless the operation answers only 204 No Content.
import type { paths } from "./ruralwatch-api";

type Method = "get" | "put" | "post" | "delete" | "patch";
type SuccessStatus = 200 | 201 | 202 | 203 | 206;

type SuccessBody<Operation> = Operation extends { responses: infer Responses }
  ? {
      [Status in keyof Responses]: Status extends SuccessStatus
        ? Responses[Status] extends { content: infer Content }
          ? Content[keyof Content]
          : never
        : never;
    }[keyof Responses]
  : never;

type AnswersNoContent<Operation> = Operation extends { responses: infer Responses }
  ? 204 extends keyof Responses
    ? true
    : false
  : false;

type Untyped<Path extends keyof paths, M extends Method> = paths[Path][M] extends infer Operation
  ? [Operation] extends [undefined | never]
    ? never
    : AnswersNoContent<NonNullable<Operation>> extends true
      ? never
      : [SuccessBody<NonNullable<Operation>>] extends [never]
        ? `${Uppercase<M>} ${Path & string}`
        : never
  : never;

type UntypedOperations = { [Path in keyof paths]: { [M in Method]: Untyped<Path, M> }[Method] }[keyof paths];

// `true` only when no operation is untyped; otherwise the error shows the union of the untyped operations
export const everySuccessAnswerIsTyped: [UntypedOperations] extends [never] ? true : UntypedOperations = true;
