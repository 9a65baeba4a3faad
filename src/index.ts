import { Hono } from "hono";
import { GRAPHQL_PATH, yoga } from "./graphql/yoga";

const app = new Hono<{ Bindings: Env }>();

app.get("/", (c) => c.redirect(GRAPHQL_PATH));
app.all(GRAPHQL_PATH, (c) => yoga.fetch(c.req.raw, { env: c.env, ctx: c.executionCtx }));

export default app;
