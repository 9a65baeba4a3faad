// hono/tiny: the small PatternRouter is plenty for three routes.

import { requestId } from "hono/request-id";
import { timing } from "hono/timing";
import { Hono } from "hono/tiny";
import { serveGraphQL } from "./graphql/cache";
import type { AppEnv } from "./graphql/context";
import { errorResponse } from "./graphql/errors";
import { serve } from "./graphql/fast-lane";
import { bodySizeLimit, configure, corsPolicy } from "./graphql/guards";
import { observe } from "./graphql/observe";
import { GRAPHQL_PATH } from "./graphql/yoga";

const app = new Hono<AppEnv>();

app.get("/", (c) => c.redirect(GRAPHQL_PATH));

app.use(
  GRAPHQL_PATH,
  // Cloudflare's ray id when there is one: it joins the log line to Cloudflare's own logs.
  requestId({ generator: (c) => c.req.header("cf-ray") ?? crypto.randomUUID() }),
  timing({ totalDescription: "worker", crossOrigin: true }),
  observe(),
  configure(),
  corsPolicy(),
  bodySizeLimit(),
);
app.all(GRAPHQL_PATH, serveGraphQL);

app.onError((error) => {
  console.error(error);
  return errorResponse(500, "Unexpected error.", "INTERNAL_SERVER_ERROR");
});

export default {
  /** Repeated and known requests take the fast lane; everything else goes through Hono and Yoga. */
  fetch(request, env, ctx) {
    return serve(request, env, async (forwarded) => app.fetch(forwarded, env, ctx));
  },
} satisfies ExportedHandler<Env>;
