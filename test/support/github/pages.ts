import type { RestContext } from "./rest.js";

/** One page of a list as GitHub serves it: `per_page` (at most 100) and `page`, with its `link` header. */
export function paginate<T>(ctx: RestContext, items: T[]): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Number(ctx.query.get("per_page") ?? 30));
  const page = Math.max(1, Number(ctx.query.get("page") ?? 1));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const headers: Record<string, string> = {};
  const last = Math.max(1, Math.ceil(items.length / perPage));
  if (page < last) {
    const next = new URLSearchParams(ctx.query);
    next.set("page", String(page + 1));
    const lastParams = new URLSearchParams(ctx.query);
    lastParams.set("page", String(last));
    const self = `${ctx.server.url}${ctx.path}`;
    headers.link = `<${self}?${next}>; rel="next", <${self}?${lastParams}>; rel="last"`;
  }
  return { page: slice, headers };
}
