import {
  Comm100ApiError,
  Comm100AuthenticationError,
  Comm100ConnectionError,
  Comm100NotFoundError,
  Comm100QuotaExceededError,
  Comm100TimeoutError,
  createComm100Client,
} from "@comm100-sdk/client";

const comm100 = createComm100Client({ email: "agent@example.com", apiKey: process.env.COMM100_API_KEY! });

try {
  await comm100.agents.get("nobody@example.com");
} catch (err) {
  if (err instanceof Comm100QuotaExceededError) {
    console.log(`daily quota used up; resets at ${err.quotaResetsAt.toISOString()}`);
  } else if (err instanceof Comm100NotFoundError) {
    console.log("no such agent");
  } else if (err instanceof Comm100AuthenticationError) {
    console.log("check the email and API key");
  } else if (err instanceof Comm100ApiError) {
    console.log(err.status, err.code, err.message, err.method, err.url, err.body);
  } else if (err instanceof Comm100TimeoutError || err instanceof Comm100ConnectionError) {
    console.log("network trouble:", err.message);
  } else {
    throw err; // e.g. your own AbortSignal's reason
  }
}
