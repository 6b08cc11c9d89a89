// Type tests for representative operations: a spec change that breaks users fails here.
import { describe, expectTypeOf, it } from "vitest";
import type { components, operations, paths } from "../src/generated/schema";

describe("types from the spec", () => {
  it("types the error body as { code, message }", () => {
    expectTypeOf<components["schemas"]["Error"]>().toEqualTypeOf<{ code: number; message: string }>();
  });

  it("types the agents list", () => {
    type Ok = operations["listAgents"]["responses"][200]["content"]["application/json"];
    expectTypeOf<Ok[number]["email"]>().toEqualTypeOf<string>();
    expectTypeOf<Ok[number]["status"]>().toEqualTypeOf<0 | 1 | 2 | undefined>();
  });

  it("requires the email path parameter and a form body to create an agent", () => {
    expectTypeOf<paths["/livechat/operators/{email}"]["parameters"]["path"]>().toEqualTypeOf<{ email: string }>();
    type Body = NonNullable<operations["createAgent"]["requestBody"]>["content"]["application/x-www-form-urlencoded"];
    expectTypeOf<Body["departments"]>().toEqualTypeOf<number[] | undefined>();
    expectTypeOf<Body["email"]>().toEqualTypeOf<string>();
    // Fields with a documented default stay optional (openapi-typescript --default-non-nullable false).
    expectTypeOf<Body["is_admin"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Body["max_chats_count"]>().toEqualTypeOf<number | undefined>();
  });

  it("types the paginated chat list envelope", () => {
    type Page = operations["listChats"]["responses"][200]["content"]["application/json"];
    expectTypeOf<Page["pages"]>().toEqualTypeOf<number>();
    expectTypeOf<Page["total"]>().toEqualTypeOf<number>();
    expectTypeOf<Page["chats"][number]["id"]>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<operations["listChats"]["parameters"]["query"]>["page"]>().toEqualTypeOf<number | undefined>();
  });

  it("takes a JSON array of name/value pairs to set visitor custom variables", () => {
    type Body = operations["updateVisitorCustomVariables"]["requestBody"]["content"]["application/json"];
    expectTypeOf<Body[number]["name"]>().toEqualTypeOf<string>();
    expectTypeOf<Body[number]["value"]>().toEqualTypeOf<string>();
  });

  it("requires the report time range", () => {
    type Query = operations["getChatVolumeReport"]["parameters"]["query"];
    expectTypeOf<Query["timeFrom"]>().toEqualTypeOf<string>();
    expectTypeOf<Query["timeTo"]>().toEqualTypeOf<string>();
  });
});
