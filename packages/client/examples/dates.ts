import { parseComm100Date } from "@comm100-sdk/client";

parseComm100Date("/Date(1358453897)/"); // 2013-01-17T20:18:17.000Z (10 digits: seconds)
parseComm100Date("/Date(1358453897123)/"); // 2013-01-17T20:18:17.123Z (13 digits: milliseconds)
parseComm100Date("/Date(13584868423)/"); // below 1e11, so seconds (year 2400: the docs' sample looks mistyped)
parseComm100Date("/Date(13584868423)/", "ms"); // force a unit
