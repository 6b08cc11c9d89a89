import { createComm100Client } from "@comm100-sdk/client";

const comm100 = createComm100Client({ baseUrl: "http://127.0.0.1:4010/api/v1", email: "agent@example.com", apiKey: "mock-api-key" });

// The data and the Response it came from (status, headers, url); one request either way.
const { data: departments, response } = await comm100.departments.list().withResponse();
console.log(response.status, response.headers.get("content-type"), departments.length);

// Only the Response (its body is already read: use withResponse() for the data too).
const raw = await comm100.siteStatus.get().asResponse();
console.log(raw.status);
