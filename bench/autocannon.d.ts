// The part of autocannon's API the bench uses (the package ships no types).
declare module "autocannon" {
  type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Called before each request of this kind; what it returns is sent. */
    setupRequest?: (request: Request) => Request;
  };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: Request[];
    /** Requests per second over all connections (0: as fast as the server answers). */
    overallRate?: number;
    /** Stop after this many requests, whatever the duration. */
    maxOverallRequests?: number;
    /** A body that differs from this one counts as a mismatch. */
    expectBody?: string;
  };
  type Result = {
    requests: { total: number; average: number };
    latency: { p50: number; p99: number; average: number };
    duration: number;
    non2xx: number;
    errors: number;
    timeouts: number;
    mismatches: number;
    statusCodeStats: Record<string, { count: number }>;
  };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
