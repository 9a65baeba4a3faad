import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { type Config, ConfigError, configFor } from "../config";
import type { AppEnv } from "./context";
import { errorResponse } from "./errors";

/** Reads the settings from the Worker's vars; a wrong one stops every request with its reason. */
export const configure = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  let config: Config;
  try {
    config = configFor(c.env as unknown as Record<string, unknown>);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return errorResponse(500, "The server is misconfigured; its log says how.", "SERVER_MISCONFIGURED");
  }
  c.set("config", config);
  await next();
};

/** Builds a middleware once per configuration, as Hono's middleware take their options once. */
function perConfig(build: (config: Config) => MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  const built = new WeakMap<Config, MiddlewareHandler<AppEnv>>();
  return (c, next) => {
    const config = c.var.config;
    let handler = built.get(config);
    if (!handler) built.set(config, (handler = build(config)));
    return handler(c, next);
  };
}

/**
 * A public read-only API: any origin may read (or the CORS_ORIGINS allow-list), never with
 * credentials. Hono's CORS middleware; Yoga's own is off.
 */
export const corsPolicy = (): MiddlewareHandler<AppEnv> =>
  perConfig((config) =>
    cors({
      origin: config.corsOrigins,
      credentials: false,
      allowMethods: ["GET", "POST", "OPTIONS"],
      exposeHeaders: ["ETag", "X-Request-Id", "X-Cache", "Server-Timing"],
      maxAge: 86400,
    }),
  );

/** MAX_BODY_BYTES, by Content-Length or, without one, while the body streams in (Hono's bodyLimit). */
export const bodySizeLimit = (): MiddlewareHandler<AppEnv> =>
  perConfig((config) =>
    bodyLimit({
      maxSize: config.maxBodyBytes,
      onError: () =>
        errorResponse(
          413,
          `The request body is larger than the limit of ${config.maxBodyBytes} bytes.`,
          "PAYLOAD_TOO_LARGE",
        ),
    }),
  );
